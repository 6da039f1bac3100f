using System.Buffers.Text;
using System.Text;

namespace JobManager.Core.Storage;

/// <summary>
/// Opaque paging cursors: the position of the last item a page returned, base64url-encoded so
/// clients treat it as a token rather than something to build by hand.
/// </summary>
public static class PageCursor
{
    private const string Version = "1:";

    public static string Encode(string position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Version + position));

    public static bool TryDecode(string? cursor, out string? position)
    {
        position = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (!text.StartsWith(Version, StringComparison.Ordinal))
            {
                return false;
            }
            position = text[Version.Length..];
            return position.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
