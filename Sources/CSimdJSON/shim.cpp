// The JSON Lines parser of the ingest stage: simdjson's DOM parser (it validates the whole line)
// over one chunk of lines per call, with typed columns and bad-line reasons as output.
#include "CSimdJSON.h"

#include <simdjson.h>

#include <cmath>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <vector>

using simdjson::dom::element;
using simdjson::dom::element_type;

extern "C" const char *aigq_simdjson_implementation(void) {
    return simdjson::get_active_implementation()->name().data();
}

// ---- Hashing and the string table ---------------------------------------------------------------

static inline uint64_t mix(uint64_t a, uint64_t b) {
    __uint128_t r = (__uint128_t)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
}

extern "C" uint64_t aigq_hash_bytes(const uint8_t *p, size_t n) {
    uint64_t h = 0x243f6a8885a308d3ull ^ (uint64_t)n;
    while (n >= 8) {
        uint64_t v;
        memcpy(&v, p, 8);
        h = mix(h ^ v, 0x9e3779b97f4a7c15ull);
        p += 8;
        n -= 8;
    }
    uint64_t tail = 0;
    if (n > 0) memcpy(&tail, p, n);
    h = mix(h ^ tail, 0xbf58476d1ce4e5b9ull);
    return mix(h, 0x94d049bb133111ebull);
}

struct aigq_strtab {
    std::vector<uint8_t> bytes;
    std::vector<size_t> start;   // count + 1 offsets into bytes
    std::vector<uint64_t> hash;  // per string
    /// A slot of the open-addressing index: enough to reject or confirm most probes without
    /// touching the per-string arrays (one cache miss for the bytes when the hash matches).
    struct Slot {
        uint32_t hash;    // low bits of the string's hash
        int32_t id;       // -1: empty
        uint32_t length;  // the string's length
        uint32_t offset;  // where its bytes start (low 32 bits; checked against `start` when it wraps)
    };
    std::vector<Slot> slots;
    size_t mask = 0;

    aigq_strtab() {
        start.push_back(0);
        slots.assign(1024, Slot{0, -1, 0, 0});
        mask = slots.size() - 1;
    }

    int32_t count() const { return (int32_t)hash.size(); }

    Slot slot_of(int32_t id) const {
        return Slot{(uint32_t)hash[id], id, (uint32_t)(start[id + 1] - start[id]), (uint32_t)start[id]};
    }

    void grow() {
        std::vector<Slot> bigger(slots.size() * 2, Slot{0, -1, 0, 0});
        size_t m = bigger.size() - 1;
        for (int32_t id = 0; id < count(); id++) {
            size_t s = (hash[id] >> 32) & m;
            while (bigger[s].id >= 0) s = (s + 1) & m;
            bigger[s] = slot_of(id);
        }
        slots.swap(bigger);
        mask = m;
    }

    static inline bool same(const uint8_t *a, const uint8_t *b, size_t n) {
        if (n > 32) return memcmp(a, b, n) == 0;
        while (n >= 8) {
            uint64_t x, y;
            memcpy(&x, a, 8);
            memcpy(&y, b, 8);
            if (x != y) return false;
            a += 8;
            b += 8;
            n -= 8;
        }
        for (size_t i = 0; i < n; i++)
            if (a[i] != b[i]) return false;
        return true;
    }

    int32_t intern(const uint8_t *p, size_t n) {
        uint64_t h = aigq_hash_bytes(p, n);
        size_t s = (h >> 32) & mask;
        const bool small = bytes.size() < ((size_t)1 << 32);
        while (true) {
            const Slot slot = slots[s];
            if (slot.id < 0) break;
            if (slot.hash == (uint32_t)h && slot.length == n) {
                const uint8_t *q = bytes.data() + (small ? (size_t)slot.offset : start[slot.id]);
                if (same(q, p, n)) return slot.id;
            }
            s = (s + 1) & mask;
        }
        int32_t id = count();
        bytes.insert(bytes.end(), p, p + n);
        start.push_back(bytes.size());
        hash.push_back(h);
        slots[s] = slot_of(id);
        if ((size_t)count() * 2 > slots.size()) grow();
        return id;
    }
};

extern "C" aigq_strtab *aigq_strtab_create(void) { return new (std::nothrow) aigq_strtab(); }
extern "C" void aigq_strtab_destroy(aigq_strtab *t) { delete t; }
extern "C" int32_t aigq_strtab_intern(aigq_strtab *t, const uint8_t *p, size_t n) {
    try {
        return t->intern(p, n);
    } catch (...) {
        return -1;
    }
}
extern "C" int32_t aigq_strtab_count(const aigq_strtab *t) { return t->count(); }
extern "C" const uint8_t *aigq_strtab_bytes(const aigq_strtab *t, int32_t id, size_t *length) {
    *length = t->start[id + 1] - t->start[id];
    return t->bytes.data() + t->start[id];
}

// ---- Parser state ------------------------------------------------------------------------------

struct BadLines {
    std::vector<int64_t> line;
    std::vector<uint32_t> start, length, reason_end;
    std::string reasons;

    void clear() {
        line.clear();
        start.clear();
        length.clear();
        reason_end.clear();
        reasons.clear();
    }
    void add(int64_t n, const uint8_t *base, const uint8_t *p, size_t len, const std::string &reason) {
        line.push_back(n);
        start.push_back((uint32_t)(p - base));
        length.push_back((uint32_t)len);
        reasons += reason;
        reason_end.push_back((uint32_t)reasons.size());
    }
    void fill(aigq_bad_lines *out) const {
        out->count = line.size();
        out->line = line.data();
        out->start = start.data();
        out->length = length.data();
        out->reason_end = reason_end.data();
        out->reasons = reasons.data();
    }
};

struct aigq_ingest_parser {
    simdjson::dom::parser json;
    aigq_strtab queries;
    BadLines bad;
    // events
    std::vector<int64_t> line, user, ts, item;
    std::vector<uint32_t> line_start, line_length, exposure_end, candidate_end;
    std::vector<uint8_t> type, source, flags, exposure_bytes;
    std::vector<int32_t> query, shown, candidate_query;
    std::vector<double> price, candidate_score;
    // records
    std::vector<uint8_t> present, string_bytes;
    std::vector<int64_t> ints;
    std::vector<double> numbers;
    std::vector<uint32_t> string_start, string_length;

    void clear_events() {
        bad.clear();
        line.clear(); user.clear(); ts.clear(); item.clear();
        line_start.clear(); line_length.clear(); exposure_end.clear(); candidate_end.clear();
        type.clear(); source.clear(); flags.clear(); exposure_bytes.clear();
        query.clear(); shown.clear(); candidate_query.clear();
        price.clear(); candidate_score.clear();
    }
    void clear_records() {
        bad.clear();
        line.clear(); line_start.clear(); line_length.clear();
        present.clear(); string_bytes.clear(); ints.clear(); numbers.clear();
        string_start.clear(); string_length.clear();
    }
};

extern "C" aigq_ingest_parser *aigq_ingest_parser_create(void) { return new (std::nothrow) aigq_ingest_parser(); }
extern "C" void aigq_ingest_parser_destroy(aigq_ingest_parser *p) { delete p; }
extern "C" aigq_strtab *aigq_ingest_parser_queries(aigq_ingest_parser *p) { return &p->queries; }

// ---- Value checks ------------------------------------------------------------------------------

static const char *kind_name(element_type t) {
    switch (t) {
    case element_type::ARRAY: return "an array";
    case element_type::OBJECT: return "an object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE: return "a number";
    case element_type::STRING: return "a string";
    case element_type::BOOL: return "a boolean";
    case element_type::NULL_VALUE: return "null";
    }
    return "a value";
}

static std::string number_text(element e) {
    char buf[64];
    switch (e.type()) {
    case element_type::INT64: snprintf(buf, sizeof buf, "%lld", (long long)int64_t(e.get_int64().value_unsafe())); break;
    case element_type::UINT64: snprintf(buf, sizeof buf, "%llu", (unsigned long long)uint64_t(e.get_uint64().value_unsafe())); break;
    default: snprintf(buf, sizeof buf, "%.17g", double(e.get_double().value_unsafe())); break;
    }
    return buf;
}

/// One field of the line being checked: where it is (if present) and how to name it in a reason.
struct Slot {
    element value;
    bool present = false;
};

/// Collects the reason of the first failed check of a line.
struct Check {
    std::string reason;
    bool failed = false;

    bool fail(std::string text) {
        if (!failed) {
            reason = std::move(text);
            failed = true;
        }
        return false;
    }

    bool missing(const char *name) { return fail(std::string("missing field '") + name + "'"); }

    bool is_null(const Slot &s) const { return s.present && s.value.type() == element_type::NULL_VALUE; }

    /// An integer (int64, or an integral double such as 1.0 or 1e0).
    bool integer(const Slot &s, const std::string &name, int64_t &out) {
        if (!s.present) return missing(name.c_str());
        element e = s.value;
        switch (e.type()) {
        case element_type::INT64: out = e.get_int64().value_unsafe(); return true;
        case element_type::UINT64:
            return fail("field '" + name + "' is " + number_text(e) + ", outside the int64 range");
        case element_type::DOUBLE: {
            double d = e.get_double().value_unsafe();
            if (!(d == std::trunc(d)) || !std::isfinite(d))
                return fail("field '" + name + "' is " + number_text(e) + ", not an integer");
            if (d < -9223372036854775808.0 || d >= 9223372036854775808.0)
                return fail("field '" + name + "' is " + number_text(e) + ", outside the int64 range");
            out = (int64_t)d;
            return true;
        }
        case element_type::NULL_VALUE: return fail("field '" + name + "' is null, expected an integer");
        default: return fail("field '" + name + "' is " + kind_name(e.type()) + ", expected an integer");
        }
    }

    /// Any JSON number, as a double.
    bool number(const Slot &s, const std::string &name, double &out) {
        if (!s.present) return missing(name.c_str());
        element e = s.value;
        switch (e.type()) {
        case element_type::INT64: out = (double)int64_t(e.get_int64().value_unsafe()); return true;
        case element_type::UINT64: out = (double)uint64_t(e.get_uint64().value_unsafe()); return true;
        case element_type::DOUBLE: out = e.get_double().value_unsafe(); return true;
        case element_type::NULL_VALUE: return fail("field '" + name + "' is null, expected a number");
        default: return fail("field '" + name + "' is " + kind_name(e.type()) + ", expected a number");
        }
    }

    bool string(const Slot &s, const std::string &name, std::string_view &out) {
        if (!s.present) return missing(name.c_str());
        element e = s.value;
        if (e.type() == element_type::STRING) {
            out = e.get_string().value_unsafe();
            return true;
        }
        if (e.type() == element_type::NULL_VALUE) return fail("field '" + name + "' is null, expected a string");
        return fail("field '" + name + "' is " + kind_name(e.type()) + ", expected a string");
    }
};

static inline bool blank(const uint8_t *p, const uint8_t *end) {
    for (; p < end; p++)
        if (*p != ' ' && *p != '\t' && *p != '\r') return false;
    return true;
}

/// Calls `f(line_start, line_length, line_number)` for every non-blank line; returns the count.
template <typename F>
static size_t for_each_line(const uint8_t *bytes, size_t length, int64_t first_line, F f) {
    const uint8_t *p = bytes, *end = bytes + length;
    int64_t number = first_line;
    size_t lines = 0;
    while (p < end) {
        const uint8_t *nl = (const uint8_t *)memchr(p, '\n', (size_t)(end - p));
        const uint8_t *stop = nl ? nl : end;
        const uint8_t *e = stop;
        if (e > p && e[-1] == '\r') e--;
        if (!blank(p, e)) {
            lines++;
            f(p, (size_t)(e - p), number);
        }
        number++;
        p = nl ? nl + 1 : end;
    }
    return lines;
}

/// Parses one line as a JSON object; on failure records the reason in `check`.
static bool parse_object(aigq_ingest_parser *P, const uint8_t *p, size_t n, simdjson::dom::object &obj, Check &check) {
    auto doc = P->json.parse((const char *)p, n, false);
    if (doc.error()) {
        check.fail(std::string("invalid JSON: ") + simdjson::error_message(doc.error()));
        return false;
    }
    element root = doc.value_unsafe();
    if (root.type() != element_type::OBJECT) {
        check.fail(std::string("the line is ") + kind_name(root.type()) + ", not a JSON object");
        return false;
    }
    obj = root.get_object().value_unsafe();
    return true;
}

// ---- Events ------------------------------------------------------------------------------------

/// Whether `k` is the literal `lit` (length known at compile time, so memcmp is inlined).
template <size_t N>
static inline bool is(std::string_view k, const char (&lit)[N]) {
    return k.size() == N - 1 && memcmp(k.data(), lit, N - 1) == 0;
}

static int type_code(std::string_view t) {
    switch (t.size()) {
    case 6:
        if (is(t, "search")) return AIGQ_SEARCH;
        break;
    case 8:
        if (is(t, "app_open")) return AIGQ_APP_OPEN;
        if (is(t, "app_exit")) return AIGQ_APP_EXIT;
        if (is(t, "purchase")) return AIGQ_PURCHASE;
        break;
    case 10:
        if (is(t, "hint_click")) return AIGQ_HINT_CLICK;
        if (is(t, "item_click")) return AIGQ_ITEM_CLICK;
        break;
    case 11:
        if (is(t, "add_to_cart")) return AIGQ_ADD_TO_CART;
        break;
    case 13:
        if (is(t, "hint_exposure")) return AIGQ_HINT_EXPOSURE;
        break;
    }
    return -1;
}

static std::string quoted(std::string_view s) {
    std::string out = "'";
    out.append(s.substr(0, 64));
    if (s.size() > 64) out += "…";
    return out + "'";
}

static void parse_event(
    aigq_ingest_parser *P, const uint8_t *base, const uint8_t *p, size_t n, int64_t number, int64_t day_start,
    int64_t day_end, const char *day_label) {
    Check check;
    simdjson::dom::object obj;
    if (!parse_object(P, p, n, obj, check)) {
        P->bad.add(number, base, p, n, check.reason);
        return;
    }
    Slot ts, user, type, query, item, exposure, shown, candidates, source, price;
    for (auto field : obj) {
        std::string_view k = field.key;
        Slot *slot = nullptr;
        switch (k.size()) {
        case 2: if (is(k, "ts")) slot = &ts; break;
        case 4:
            if (is(k, "user")) slot = &user;
            else if (is(k, "type")) slot = &type;
            else if (is(k, "item")) slot = &item;
            break;
        case 5:
            if (is(k, "query")) slot = &query;
            else if (is(k, "shown")) slot = &shown;
            else if (is(k, "price")) slot = &price;
            break;
        case 6: if (is(k, "source")) slot = &source; break;
        case 8: if (is(k, "exposure")) slot = &exposure; break;
        case 10: if (is(k, "candidates")) slot = &candidates; break;
        }
        if (slot) {
            slot->value = field.value;
            slot->present = true;
        }
    }

    int64_t tsv = 0, userv = 0, itemv = 0, shownv = 0;
    std::string_view typev, queryv, exposurev;
    double pricev = 0;
    int code = -1, src = AIGQ_SOURCE_NONE;
    uint8_t flags = 0;
    bool ok = check.integer(ts, "ts", tsv) && check.integer(user, "user", userv) && check.string(type, "type", typev);
    if (ok) {
        code = type_code(typev);
        if (code < 0) ok = check.fail("unknown type " + quoted(typev));
    }
    if (ok && (tsv < day_start || tsv >= day_end)) {
        ok = check.fail("field 'ts' (" + std::to_string(tsv) + ") is outside the day " + day_label);
    }
    size_t candidates_before = P->candidate_query.size();
    if (ok) {
        switch (code) {
        case AIGQ_HINT_EXPOSURE: {
            ok = check.string(exposure, "exposure", exposurev) && check.integer(shown, "shown", shownv);
            if (ok && exposurev.empty()) ok = check.fail("field 'exposure' is empty");
            if (ok && (shownv < 0 || shownv > INT32_MAX)) ok = check.fail("field 'shown' (" + std::to_string(shownv) + ") is negative or too large");
            if (ok && !candidates.present) ok = check.missing("candidates");
            if (ok && candidates.value.type() != element_type::ARRAY)
                ok = check.fail(std::string("field 'candidates' is ") + kind_name(candidates.value.type()) + ", expected an array");
            if (ok) {
                size_t index = 0;
                for (element c : candidates.value.get_array().value_unsafe()) {
                    std::string at = "candidates[" + std::to_string(index) + "]";
                    if (c.type() != element_type::OBJECT) {
                        ok = check.fail("field '" + at + "' is " + kind_name(c.type()) + ", expected an object");
                        break;
                    }
                    Slot cq, cs;
                    for (auto field : c.get_object().value_unsafe()) {
                        if (is(field.key, "query")) { cq.value = field.value; cq.present = true; }
                        else if (is(field.key, "score")) { cs.value = field.value; cs.present = true; }
                    }
                    std::string_view q;
                    double score = 0;
                    if (!check.string(cq, at + ".query", q) || !check.number(cs, at + ".score", score)) {
                        ok = false;
                        break;
                    }
                    P->candidate_query.push_back(P->queries.intern((const uint8_t *)q.data(), q.size()));
                    P->candidate_score.push_back(score);
                    index++;
                }
                if (ok && (int64_t)index < shownv)
                    ok = check.fail("field 'candidates' has " + std::to_string(index) + " elements, fewer than 'shown' (" + std::to_string(shownv) + ")");
            }
            break;
        }
        case AIGQ_HINT_CLICK:
            ok = check.string(exposure, "exposure", exposurev) && check.string(query, "query", queryv);
            if (ok && exposurev.empty()) ok = check.fail("field 'exposure' is empty");
            break;
        case AIGQ_SEARCH:
            ok = check.string(query, "query", queryv);
            if (ok && source.present && !check.is_null(source)) {
                std::string_view s;
                ok = check.string(source, "source", s);
                if (ok) {
                    if (is(s, "typed")) src = AIGQ_SOURCE_TYPED;
                    else if (is(s, "hint")) src = AIGQ_SOURCE_HINT;
                    else if (is(s, "suggest")) src = AIGQ_SOURCE_SUGGEST;
                    else ok = check.fail("field 'source' is " + quoted(s) + ", expected typed, hint or suggest");
                }
            }
            break;
        case AIGQ_ITEM_CLICK:
            ok = check.integer(item, "item", itemv);
            if (ok && query.present && !check.is_null(query)) ok = check.string(query, "query", queryv);
            flags |= AIGQ_HAS_ITEM;
            break;
        case AIGQ_ADD_TO_CART:
            ok = check.integer(item, "item", itemv);
            flags |= AIGQ_HAS_ITEM;
            break;
        case AIGQ_PURCHASE:
            ok = check.integer(item, "item", itemv);
            if (ok && price.present && !check.is_null(price)) {
                ok = check.number(price, "price", pricev);
                flags |= AIGQ_HAS_PRICE;
            }
            flags |= AIGQ_HAS_ITEM;
            break;
        default: break;
        }
    }
    if (!ok) {
        P->candidate_query.resize(candidates_before);
        P->candidate_score.resize(candidates_before);
        P->bad.add(number, base, p, n, check.reason);
        return;
    }
    bool has_query = code == AIGQ_HINT_CLICK || code == AIGQ_SEARCH || (code == AIGQ_ITEM_CLICK && queryv.data() != nullptr);
    P->line.push_back(number);
    P->line_start.push_back((uint32_t)(p - base));
    P->line_length.push_back((uint32_t)n);
    P->user.push_back(userv);
    P->ts.push_back(tsv);
    P->type.push_back((uint8_t)code);
    P->source.push_back((uint8_t)src);
    P->flags.push_back(flags);
    P->query.push_back(has_query ? P->queries.intern((const uint8_t *)queryv.data(), queryv.size()) : -1);
    P->item.push_back(itemv);
    P->price.push_back(pricev);
    P->shown.push_back((int32_t)shownv);
    P->exposure_bytes.insert(P->exposure_bytes.end(), exposurev.begin(), exposurev.end());
    P->exposure_end.push_back((uint32_t)P->exposure_bytes.size());
    P->candidate_end.push_back((uint32_t)P->candidate_query.size());
}

extern "C" int aigq_parse_events(
    aigq_ingest_parser *P, const uint8_t *bytes, size_t length, int64_t first_line, int64_t day_start,
    int64_t day_end, const char *day_label, aigq_events_chunk *out) {
    try {
        P->clear_events();
        out->lines = for_each_line(bytes, length, first_line, [&](const uint8_t *p, size_t n, int64_t number) {
            parse_event(P, bytes, p, n, number, day_start, day_end, day_label);
        });
    } catch (...) {
        return -1;
    }
    out->rows = P->line.size();
    out->line = P->line.data();
    out->line_start = P->line_start.data();
    out->line_length = P->line_length.data();
    out->user = P->user.data();
    out->ts = P->ts.data();
    out->type = P->type.data();
    out->source = P->source.data();
    out->flags = P->flags.data();
    out->query = P->query.data();
    out->item = P->item.data();
    out->price = P->price.data();
    out->shown = P->shown.data();
    out->exposure_end = P->exposure_end.data();
    out->exposure_bytes = P->exposure_bytes.data();
    out->candidate_end = P->candidate_end.data();
    out->candidate_query = P->candidate_query.data();
    out->candidate_score = P->candidate_score.data();
    P->bad.fill(&out->bad);
    return 0;
}

// ---- Flat records (dimension tables) -----------------------------------------------------------

static void parse_record(
    aigq_ingest_parser *P, const aigq_field *fields, size_t count, const uint8_t *base, const uint8_t *p, size_t n,
    int64_t number) {
    Check check;
    simdjson::dom::object obj;
    if (!parse_object(P, p, n, obj, check)) {
        P->bad.add(number, base, p, n, check.reason);
        return;
    }
    Slot slots[16];
    size_t used = count < 16 ? count : 16;
    for (auto field : obj) {
        for (size_t f = 0; f < used; f++) {
            if (field.key == fields[f].name) {
                slots[f].value = field.value;
                slots[f].present = true;
                break;
            }
        }
    }
    size_t row_start = P->present.size();
    size_t bytes_start = P->string_bytes.size();
    bool ok = true;
    for (size_t f = 0; f < used && ok; f++) {
        const aigq_field &spec = fields[f];
        const Slot &s = slots[f];
        bool absent = !s.present || check.is_null(s);
        int64_t iv = 0;
        double dv = 0;
        std::string_view sv;
        if (absent) {
            if (!s.present && spec.required) ok = check.missing(spec.name);
            else if (s.present && !spec.nullable) ok = check.fail(std::string("field '") + spec.name + "' is null");
        } else if (spec.kind == AIGQ_FIELD_INT) {
            ok = check.integer(s, spec.name, iv);
        } else if (spec.kind == AIGQ_FIELD_NUMBER) {
            ok = check.number(s, spec.name, dv);
        } else {
            ok = check.string(s, spec.name, sv);
        }
        P->present.push_back(absent ? 0 : 1);
        P->ints.push_back(iv);
        P->numbers.push_back(dv);
        P->string_start.push_back((uint32_t)P->string_bytes.size());
        P->string_length.push_back((uint32_t)sv.size());
        P->string_bytes.insert(P->string_bytes.end(), sv.begin(), sv.end());
    }
    if (!ok) {
        P->present.resize(row_start);
        P->ints.resize(row_start);
        P->numbers.resize(row_start);
        P->string_start.resize(row_start);
        P->string_length.resize(row_start);
        P->string_bytes.resize(bytes_start);
        P->bad.add(number, base, p, n, check.reason);
        return;
    }
    P->line.push_back(number);
    P->line_start.push_back((uint32_t)(p - base));
    P->line_length.push_back((uint32_t)n);
}

extern "C" int aigq_parse_records(
    aigq_ingest_parser *P, const aigq_field *fields, size_t count, const uint8_t *bytes, size_t length,
    int64_t first_line, aigq_records_chunk *out) {
    if (count > 16) return -1;
    try {
        P->clear_records();
        out->lines = for_each_line(bytes, length, first_line, [&](const uint8_t *p, size_t n, int64_t number) {
            parse_record(P, fields, count, bytes, p, n, number);
        });
    } catch (...) {
        return -1;
    }
    out->rows = P->line.size();
    out->line = P->line.data();
    out->line_start = P->line_start.data();
    out->line_length = P->line_length.data();
    out->present = P->present.data();
    out->ints = P->ints.data();
    out->numbers = P->numbers.data();
    out->string_start = P->string_start.data();
    out->string_length = P->string_length.data();
    out->string_bytes = P->string_bytes.data();
    P->bad.fill(&out->bad);
    return 0;
}
