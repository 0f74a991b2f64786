#ifndef AIGQ_CSIMDJSON_H
#define AIGQ_CSIMDJSON_H
/* A few extern "C" functions over Debian's simdjson (C++), so Swift parses JSON Lines without C++ interop.
 *
 * The ingest stage hands the shim one chunk of whole lines at a time (megabytes) and gets back, in one
 * call, typed columns for the good lines and a reason for each bad one. Strings that are compared later
 * (queries) are interned in a string table owned by the parser, so a chunk's queries come back as ids.
 * Every pointer returned in a chunk result belongs to the parser and stays valid until its next call. */
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The name of the simdjson kernel chosen for this CPU ("haswell", "westmere", "fallback", ...). */
const char *aigq_simdjson_implementation(void);

/** Bytes that must be readable after the end of every buffer handed to a parse function. */
#define AIGQ_JSON_PADDING 64

/* ---- String table ------------------------------------------------------------------------------ */

/** An append-only set of byte strings, each with a dense id (0, 1, 2, ... in order of first sight). */
typedef struct aigq_strtab aigq_strtab;

/** A new, empty table. */
aigq_strtab *aigq_strtab_create(void);
/** Frees a table made by aigq_strtab_create (not a parser's own table). */
void aigq_strtab_destroy(aigq_strtab *table);
/** The id of `bytes` (added when new). */
int32_t aigq_strtab_intern(aigq_strtab *table, const uint8_t *bytes, size_t length);
/** The number of strings. */
int32_t aigq_strtab_count(const aigq_strtab *table);
/** The bytes of string `id` (not NUL-terminated); its length goes to `*length`. */
const uint8_t *aigq_strtab_bytes(const aigq_strtab *table, int32_t id, size_t *length);
/** A 64-bit hash of `bytes` (the table's own hash). */
uint64_t aigq_hash_bytes(const uint8_t *bytes, size_t length);

/* ---- Parser ------------------------------------------------------------------------------------ */

/** A simdjson parser, its query table and the output buffers of the last chunk. One per thread. */
typedef struct aigq_ingest_parser aigq_ingest_parser;

/** A new parser. */
aigq_ingest_parser *aigq_ingest_parser_create(void);
/** Frees a parser (and its query table). */
void aigq_ingest_parser_destroy(aigq_ingest_parser *parser);
/** The parser's query table: every `query` and candidate query of the events it parsed, as written
 *  (unescaped, not normalised). The caller may intern more strings into it. */
aigq_strtab *aigq_ingest_parser_queries(aigq_ingest_parser *parser);

/** Event types (`type`). */
enum {
    AIGQ_APP_OPEN = 0, AIGQ_APP_EXIT = 1, AIGQ_HINT_EXPOSURE = 2, AIGQ_HINT_CLICK = 3,
    AIGQ_SEARCH = 4, AIGQ_ITEM_CLICK = 5, AIGQ_ADD_TO_CART = 6, AIGQ_PURCHASE = 7
};
/** Search sources (`source`); 0 when absent. */
enum { AIGQ_SOURCE_NONE = 0, AIGQ_SOURCE_TYPED = 1, AIGQ_SOURCE_HINT = 2, AIGQ_SOURCE_SUGGEST = 3 };
/** Bits of `flags`: which optional values a row has. */
enum { AIGQ_HAS_ITEM = 1, AIGQ_HAS_PRICE = 2 };

/** The bad lines of a chunk: 1-based line number, the line's bytes in the chunk (without the line
 *  end), and the reason, `reasons[reason_end[i-1] ..< reason_end[i]]` (reason_end[-1] = 0). */
typedef struct {
    size_t count;
    const int64_t *line;
    const uint32_t *start;
    const uint32_t *length;
    const uint32_t *reason_end;
    const char *reasons;
} aigq_bad_lines;

/** The result of aigq_parse_events: one row per good event line, as parallel columns. */
typedef struct {
    /** Non-blank lines in the chunk (good + bad). */
    size_t lines;
    /** Good rows. */
    size_t rows;
    /** Per row: 1-based line number, and the line's bytes in the chunk (for later quarantine). */
    const int64_t *line;
    const uint32_t *line_start;
    const uint32_t *line_length;
    const int64_t *user;
    const int64_t *ts;
    /** AIGQ_APP_OPEN ... AIGQ_PURCHASE. */
    const uint8_t *type;
    /** AIGQ_SOURCE_*. */
    const uint8_t *source;
    /** AIGQ_HAS_* bits. */
    const uint8_t *flags;
    /** Query id in the parser's table, -1 when the row has none. */
    const int32_t *query;
    const int64_t *item;
    const double *price;
    /** `shown` (hint_exposure), else 0. */
    const int32_t *shown;
    /** Exposure bytes of row i: `exposure_bytes[exposure_end[i-1] ..< exposure_end[i]]`; empty when none. */
    const uint32_t *exposure_end;
    const uint8_t *exposure_bytes;
    /** Candidates of row i: indices `candidate_end[i-1] ..< candidate_end[i]` of the two arrays below. */
    const uint32_t *candidate_end;
    const int32_t *candidate_query;
    const double *candidate_score;
    /** The bad lines. */
    aigq_bad_lines bad;
} aigq_events_chunk;

/** Parses the JSON Lines in `bytes[0 ..< length]` (whole lines; `\n` or `\r\n`; blank lines skipped),
 *  the first of which is line `first_line` of its file, as events of the raw log contract: `ts`,
 *  `user`, `type` and each type's fields, checked; `ts` must fall in [day_start, day_end) (UTC ms),
 *  `day_label` names that day in reasons. `bytes` must be followed by AIGQ_JSON_PADDING readable
 *  bytes. Returns 0, or -1 when a buffer cannot grow (out of memory). */
int aigq_parse_events(
    aigq_ingest_parser *parser, const uint8_t *bytes, size_t length, int64_t first_line,
    int64_t day_start, int64_t day_end, const char *day_label, aigq_events_chunk *out);

/** Field kinds of aigq_parse_records. */
enum { AIGQ_FIELD_INT = 0, AIGQ_FIELD_NUMBER = 1, AIGQ_FIELD_STRING = 2 };

/** One top-level field of a flat record: its name, kind, whether it must be present and whether it
 *  may be null. A field that is neither required nor present reads as null. */
typedef struct {
    const char *name;
    int32_t kind;
    int32_t required;
    int32_t nullable;
} aigq_field;

/** The result of aigq_parse_records: `rows` × `fields` values, row-major (value of field f in row r
 *  at r * fields + f). */
typedef struct {
    size_t lines;
    size_t rows;
    const int64_t *line;
    const uint32_t *line_start;
    const uint32_t *line_length;
    /** 1 where the value is present (not null). */
    const uint8_t *present;
    /** AIGQ_FIELD_INT values. */
    const int64_t *ints;
    /** AIGQ_FIELD_NUMBER values. */
    const double *numbers;
    /** AIGQ_FIELD_STRING values: `string_bytes[string_start[k] ..< string_start[k] + string_length[k]]`. */
    const uint32_t *string_start;
    const uint32_t *string_length;
    const uint8_t *string_bytes;
    aigq_bad_lines bad;
} aigq_records_chunk;

/** Parses JSON Lines of flat objects (dimension tables) with the `count` fields described by `fields`
 *  (unknown fields ignored); other rules as aigq_parse_events. Returns 0, or -1 when out of memory. */
int aigq_parse_records(
    aigq_ingest_parser *parser, const aigq_field *fields, size_t count, const uint8_t *bytes, size_t length,
    int64_t first_line, aigq_records_chunk *out);

#ifdef __cplusplus
}
#endif
#endif
