import Columnar
import LanguageModel

/// Reads the `vocab` dataset the rerank stage writes (``DatasetSchemas/vocab``; id = row) as the
/// engine's ``Vocabulary``.
enum VocabularyFile {
    /// The vocabulary of the `vocab` files given (one `part-00000.parquet`).
    static func read(_ files: [String]) throws -> Vocabulary {
        let parquet = DatasetFiles.parquet(files)
        guard let path = parquet.first, parquet.count == 1 else {
            throw StageError(
                .badInput,
                "expected one vocab file, found \(parquet.count) (\(parquet.prefix(3).joined(separator: ", "))); run the rerank stage for this day first")
        }
        let batch = try DatasetFiles.readAll([path], schema: DatasetSchemas.vocab)
        let tokens = try batch.strings("token"), kinds = try batch.strings("kind")
        var entries: [Vocabulary.Entry] = []
        entries.reserveCapacity(batch.rowCount)
        for row in 0..<batch.rowCount {
            let kindText = kinds.string(at: row)
            guard let kind = Vocabulary.Kind(rawValue: kindText) else {
                throw StageError(.badInput, "'\(path)' row \(row): kind '\(kindText)' is not special, word or char; rebuild it with the rerank stage")
            }
            entries.append(Vocabulary.Entry(token: tokens.string(at: row), kind: kind))
        }
        do {
            return try Vocabulary(entries: entries)
        } catch {
            throw StageError(.badInput, "'\(path)': \(error.message)")
        }
    }
}

/// Token strings of the sample serialisation (special tokens, words) → ids of one vocabulary, with
/// unseen words spelled in characters (``Tokenizer``). Results are cached per string.
struct TokenEncoder {
    /// The tokenizer.
    let tokenizer: Tokenizer
    private var cache: [String: [Int32]] = [:]

    /// An encoder over `vocabulary`.
    init(vocabulary: Vocabulary) { tokenizer = Tokenizer(vocabulary: vocabulary) }

    /// The ids of `tokens`, in order.
    mutating func encode(_ tokens: [String]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(tokens.count + 8)
        for token in tokens {
            if let hit = cache[token] {
                out += hit
            } else {
                let ids = tokenizer.encode(token)
                cache[token] = ids
                out += ids
            }
        }
        return out
    }

    /// The id of special token `token`.
    func special(_ token: String) throws -> Int32 {
        guard let id = tokenizer.special(token) else {
            throw StageError(.badInput, "the vocabulary has no special token '\(token)'; rebuild it with the rerank stage")
        }
        return id
    }
}
