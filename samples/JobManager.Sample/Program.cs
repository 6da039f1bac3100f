using JobManager.Sample;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// ConnectionStrings:jobmanager (Endpoint=...;Key=jm_...;Service=sample) comes from the app host.
builder.AddJobManagerClient("jobmanager");
// No secret configured (JobManager:Webhooks:SigningSecret): rotate one at start with the service's own key.
builder.Services.AddJobManagerWebhooks(options => options.RotateSigningSecretAtStart |= options.SigningSecret is null);
builder.Services.AddHostedService<ReportJobRegistration>();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapJobManagerWebhook(ReportJob.Path, ReportJob.RunAsync);

app.Run();
