import LanguageModel

/// Splits text into the word tokens of the prompt and target (design note, "Tokens"): the text is
/// normalised (``QueryText/normalize(_:)``) and split into words by ``WordSplitter``: on spaces, and
/// every CJK character (Han, kana, Hangul, CJK punctuation) a token of its own, so "iphone手机壳" gives `iphone 手 机 壳`.
public enum WordTokenizer {
    /// The word tokens of `text`: ``WordSplitter`` words of the normalised text.
    public static func words(_ text: String) -> [String] { WordSplitter.words(QueryText.normalize(text)) }
}
