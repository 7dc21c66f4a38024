/*
 * doc.c: JSON and YAML documents with source positions. JSON is read by
 * util/jsonfast.c into a jansson tree, or by jansson itself where that
 * reader is not sure; positions of values are recovered on demand by a
 * small scanner over the (already validated) text. YAML is converted event
 * by event with libyaml; anchors and aliases are refused (no
 * billion-laughs expansion).
 */
#include "doc.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "alloc.h"
#include "buf.h"
#include "jsonfast.h"

void lk_doc__ptr_push(char *ptr, size_t size, const char *segment)
{
    size_t n = strlen(ptr);
    if (n + 1 >= size)
        return;
    ptr[n++] = '/';
    for (; *segment && n + 2 < size; segment++) {
        if (*segment == '~' || *segment == '/') {
            ptr[n++] = '~';
            ptr[n++] = *segment == '~' ? '0' : '1';
        } else {
            ptr[n++] = *segment;
        }
    }
    ptr[n] = '\0';
}

void lk_doc__ptr_push_index(char *ptr, size_t size, size_t index)
{
    char num[32];
    size_t i = sizeof(num) - 1;
    num[i] = '\0';
    do { /* the digits of "%zu", without printf: every array item */
        num[--i] = (char)('0' + index % 10);
        index /= 10;
    } while (index > 0);
    lk_doc__ptr_push(ptr, size, num + i);
}

/* Next reference token of "ptr" into "seg"; returns the rest or NULL. */
static const char *doc_ptr_next(const char *ptr, char *seg, size_t size)
{
    size_t n = 0;
    if (*ptr != '/')
        return NULL;
    ptr++;
    while (*ptr && *ptr != '/') {
        char c = *ptr++;
        if (c == '~' && (*ptr == '0' || *ptr == '1'))
            c = *ptr++ == '0' ? '~' : '/';
        if (n + 1 < size)
            seg[n++] = c;
    }
    seg[n] = '\0';
    return ptr;
}

/* ---- JSON ------------------------------------------------------------- */

typedef struct {
    const char *p, *end; /* cursor and end of text */
} json_scan;

static void scan_ws(json_scan *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' ||
                             *s->p == '\n' || *s->p == '\r'))
        s->p++;
}

/* Read a string at the cursor, decoding simple escapes into "out". */
static void scan_string(json_scan *s, char *out, size_t size)
{
    size_t n = 0;
    s->p++; /* opening quote */
    while (s->p < s->end && *s->p != '"') {
        char c = *s->p++;
        if (c == '\\' && s->p < s->end) {
            c = *s->p++;
            switch (c) {
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case 'r': c = '\r'; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'u': /* keys with \u escapes are rare: keep a marker */
                c = '?';
                s->p += (s->end - s->p >= 4) ? 4 : s->end - s->p;
                break;
            default: break;
            }
        }
        if (out && n + 1 < size)
            out[n++] = c;
    }
    if (s->p < s->end)
        s->p++;
    if (out && size)
        out[n] = '\0';
}

static void scan_value(json_scan *s, int depth)
{
    scan_ws(s);
    if (s->p >= s->end)
        return;
    if (*s->p == '"') {
        scan_string(s, NULL, 0);
    } else if (*s->p == '{' || *s->p == '[') {
        char close = *s->p == '{' ? '}' : ']';
        s->p++;
        for (;;) {
            scan_ws(s);
            if (s->p >= s->end || *s->p == close) {
                s->p += s->p < s->end;
                return;
            }
            if (close == '}') {
                scan_string(s, NULL, 0);
                scan_ws(s);
                s->p += s->p < s->end; /* colon */
            }
            if (depth < LK_DOC_MAX_DEPTH * 4)
                scan_value(s, depth + 1);
            scan_ws(s);
            if (s->p < s->end && *s->p == ',')
                s->p++;
        }
    } else {
        while (s->p < s->end && !strchr(",]} \t\r\n", *s->p))
            s->p++;
    }
}

/* Position of the value at "ptr" (or deepest ancestor) in JSON text. */
static const char *json_locate(const char *text, size_t len, const char *ptr)
{
    json_scan s = {text, text + len};
    char seg[256], key[256];
    const char *found;

    scan_ws(&s);
    found = s.p;
    while (ptr && *ptr) {
        ptr = doc_ptr_next(ptr, seg, sizeof(seg));
        if (ptr == NULL || s.p >= s.end)
            break;
        if (*s.p == '{') {
            int hit = 0;
            s.p++;
            for (;;) {
                scan_ws(&s);
                if (s.p >= s.end || *s.p != '"')
                    break;
                scan_string(&s, key, sizeof(key));
                scan_ws(&s);
                s.p += s.p < s.end;
                scan_ws(&s);
                if (strcmp(key, seg) == 0) {
                    hit = 1;
                    break;
                }
                scan_value(&s, 0);
                scan_ws(&s);
                if (s.p < s.end && *s.p == ',')
                    s.p++;
            }
            if (!hit)
                return found;
        } else if (*s.p == '[') {
            long want = strtol(seg, NULL, 10), i;
            s.p++;
            for (i = 0; i < want; i++) {
                scan_value(&s, 0);
                scan_ws(&s);
                if (s.p < s.end && *s.p == ',')
                    s.p++;
            }
            scan_ws(&s);
            if (s.p >= s.end || *s.p == ']')
                return found;
        } else {
            return found;
        }
        found = s.p;
    }
    return found;
}

static void text_linecol(const char *text, const char *at, unsigned *line,
                         unsigned *column)
{
    const char *p;
    unsigned l = 1, c = 1;
    for (p = text; p < at; p++) {
        if (*p == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)*p & 0xC0) != 0x80) {
            c++; /* count characters, not UTF-8 continuation bytes */
        }
    }
    *line = l;
    *column = c;
}

/* Refuse JSON nested deeper than LK_DOC_MAX_DEPTH before jansson builds
 * it (jansson's own limit is 2048), as the YAML reader does: the depth
 * bounds every recursive walk of the tree. Strings are skipped. */
static int doc_json_depth(lk_doc *doc, lk_error *err)
{
    const char *p, *end = doc->text + doc->len;
    int depth = 0, in_string = 0;
    unsigned line, col;
    for (p = doc->text; p < end; p++) {
        if (in_string) {
            if (*p == '\\' && p + 1 < end)
                p++;
            else if (*p == '"')
                in_string = 0;
        } else if (*p == '"') {
            in_string = 1;
        } else if ((*p == '{' || *p == '[') && ++depth > LK_DOC_MAX_DEPTH) {
            text_linecol(doc->text, p, &line, &col);
            return lk_error_set_at(err, LK_EINVALID, doc->name, line, col,
                                   NULL, "nesting too deep (more than %d "
                                         "levels)",
                                   LK_DOC_MAX_DEPTH);
        } else if ((*p == '}' || *p == ']') && depth > 0) {
            depth--;
        }
    }
    return 0;
}

static int doc_parse_json(lk_doc *doc, lk_error *err)
{
    json_error_t jerr;
    int error;
    /* the common case, read fast; anything it is not sure of (errors
     * included) is read again by jansson, for its tree or diagnostic */
    doc->root = lk_jsonfast_load(doc->text, doc->len, LK_DOC_MAX_DEPTH);
    if (doc->root != NULL)
        return 0;
    error = doc_json_depth(doc, err);
    if (error < 0)
        return error;
    memset(&jerr, 0, sizeof(jerr));
    (void)lk_alloc__json_failed();
    doc->root = json_loadb(doc->text, doc->len, JSON_REJECT_DUPLICATES,
                           &jerr);
    /* out of memory is not the input's fault, even where jansson reports
     * it as a syntax error or with no message at all */
    if (doc->root == NULL &&
        (lk_alloc__json_failed() ||
         json_error_code(&jerr) == json_error_out_of_memory ||
         jerr.text[0] == '\0'))
        return lk_error_set_oom(err);
    if (doc->root == NULL)
        return lk_error_set_at(err, LK_EINVALID, doc->name,
                               jerr.line > 0 ? (unsigned)jerr.line : 1,
                               jerr.column > 0 ? (unsigned)jerr.column : 1,
                               NULL, "%s", jerr.text);
    return 0;
}

/* ---- YAML ------------------------------------------------------------- */

static json_t *yaml_scalar(const yaml_event_t *ev)
{
    const char *v = (const char *)ev->data.scalar.value;
    size_t n = ev->data.scalar.length;
    const char *p;
    int digits = 0, dot = 0, expo = 0, ok = 1;

    if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return json_stringn(v, n);
    if (n == 0 || !strcmp(v, "~") || !strcmp(v, "null") ||
        !strcmp(v, "Null") || !strcmp(v, "NULL"))
        return json_null();
    if (!strcmp(v, "true") || !strcmp(v, "True") || !strcmp(v, "TRUE"))
        return json_true();
    if (!strcmp(v, "false") || !strcmp(v, "False") || !strcmp(v, "FALSE"))
        return json_false();
    /* YAML 1.2 core schema numbers; anything else is a string. */
    p = v;
    if (*p == '-' || *p == '+')
        p++;
    for (; *p && ok; p++) {
        if (isdigit((unsigned char)*p))
            digits++;
        else if (*p == '.' && !dot && !expo)
            dot = 1;
        else if ((*p == 'e' || *p == 'E') && digits && !expo) {
            expo = 1;
            if (p[1] == '-' || p[1] == '+')
                p++;
        } else
            ok = 0;
    }
    if (ok && digits && (size_t)(p - v) == n) {
        if (!dot && !expo && n < 19)
            return json_integer(strtoll(v, NULL, 10));
        return json_real(strtod(v, NULL));
    }
    return json_stringn(v, n);
}

typedef struct {
    json_t *node;  /* the container */
    json_t *key;   /* pending key of a mapping, NULL when none */
} yaml_frame;

static int yaml_fail(lk_doc *doc, lk_error *err, const yaml_mark_t *m,
                     const char *msg)
{
    return lk_error_set_at(err, LK_EINVALID, doc->name,
                           (unsigned)m->line + 1, (unsigned)m->column + 1,
                           NULL, "%s", msg);
}

/* Attach "v" (stolen) to the top container; the root when none. */
static int yaml_attach(lk_doc *doc, yaml_frame *stack, int depth, json_t *v,
                       const yaml_mark_t *mark, lk_error *err)
{
    yaml_frame *top;
    if (depth == 0) {
        doc->root = v;
        return 0;
    }
    top = &stack[depth - 1];
    if (json_is_array(top->node)) {
        /* the _new functions release "v" when they fail */
        if (json_array_append_new(top->node, v) < 0)
            return lk_error_set_oom(err);
        return 0;
    }
    if (top->key == NULL) {
        if (!json_is_string(v)) {
            json_decref(v);
            return yaml_fail(doc, err, mark, "mapping keys must be strings");
        }
        top->key = v;
        return 0;
    }
    if (json_object_get(top->node, json_string_value(top->key)) != NULL) {
        char msg[300];
        snprintf(msg, sizeof(msg), "duplicate key '%.200s'",
                 json_string_value(top->key));
        json_decref(v);
        return yaml_fail(doc, err, mark, msg);
    }
    if (json_object_set_new(top->node, json_string_value(top->key), v) < 0)
        return lk_error_set_oom(err); /* the key is released with the stack */
    json_decref(top->key);
    top->key = NULL;
    return 0;
}

/* The YAML parser's state: the containers open, innermost last. */
typedef struct {
    lk_doc *doc;                       /* the document being built */
    yaml_frame stack[LK_DOC_MAX_DEPTH]; /* open containers (owned refs) */
    int depth;                         /* number of open containers */
    int docs;                          /* YAML documents seen */
} yaml_builder;

/* The anchor and the explicit tag ("!!str", "!foo") of a node event,
 * each NULL when it has none. */
static void yaml_props(const yaml_event_t *ev, const unsigned char **anchor,
                       const unsigned char **tag)
{
    if (ev->type == YAML_SCALAR_EVENT) {
        *anchor = ev->data.scalar.anchor;
        *tag = ev->data.scalar.tag;
    } else if (ev->type == YAML_SEQUENCE_START_EVENT) {
        *anchor = ev->data.sequence_start.anchor;
        *tag = ev->data.sequence_start.tag;
    } else {
        *anchor = ev->data.mapping_start.anchor;
        *tag = ev->data.mapping_start.tag;
    }
}

/* A new JSON value for a scalar, sequence or mapping start event. */
static json_t *yaml_value(const yaml_builder *b, const yaml_event_t *ev)
{
    const yaml_frame *top = b->depth > 0 ? &b->stack[b->depth - 1] : NULL;
    if (ev->type == YAML_SCALAR_EVENT && top && json_is_object(top->node) &&
        top->key == NULL) /* a key */
        return json_stringn((const char *)ev->data.scalar.value,
                            ev->data.scalar.length);
    if (ev->type == YAML_SCALAR_EVENT)
        return yaml_scalar(ev);
    if (ev->type == YAML_SEQUENCE_START_EVENT)
        return json_array();
    return json_object();
}

/* A scalar, sequence or mapping start: attach its value to the open
 * container and, for a container, open it. */
static int yaml_on_node(yaml_builder *b, const yaml_event_t *ev,
                        lk_error *err)
{
    int container = ev->type != YAML_SCALAR_EVENT, error;
    const unsigned char *anchor, *tag;
    json_t *v;
    yaml_props(ev, &anchor, &tag);
    if (anchor != NULL)
        return yaml_fail(b->doc, err, &ev->start_mark,
                         "YAML anchors are not supported");
    /* a tag would change what the text means ("!!str true" is a string,
     * not a boolean): refused rather than ignored */
    if (tag != NULL)
        return yaml_fail(b->doc, err, &ev->start_mark,
                         "YAML tags are not supported");
    /* an escaped NUL ("\0", "\x00"): leaklaw's strings end at the first
     * NUL, so the value checked would not be the value written (JSON
     * refuses \u0000 the same way) */
    if (ev->type == YAML_SCALAR_EVENT &&
        memchr(ev->data.scalar.value, '\0', ev->data.scalar.length) != NULL)
        return yaml_fail(b->doc, err, &ev->start_mark,
                         "NUL character in a string");
    v = yaml_value(b, ev);
    if (v == NULL)
        return lk_error_set_oom(err);
    if (container) {
        if (b->depth >= LK_DOC_MAX_DEPTH) {
            json_decref(v);
            return yaml_fail(b->doc, err, &ev->start_mark,
                             "nesting too deep (more than "
                             LK_DOC_STR(LK_DOC_MAX_DEPTH) " levels)");
        }
        json_incref(v); /* one reference for the stack */
    }
    error = yaml_attach(b->doc, b->stack, b->depth, v, &ev->start_mark, err);
    if (error < 0) {
        if (container)
            json_decref(v);
        return error;
    }
    if (container) {
        b->stack[b->depth].node = v;
        b->stack[b->depth].key = NULL;
        b->depth++;
    }
    return 0;
}

/* One parser event; sets "*done" at the end of the stream. */
static int yaml_on_event(yaml_builder *b, const yaml_event_t *ev, int *done,
                         lk_error *err)
{
    switch (ev->type) {
    case YAML_STREAM_END_EVENT:
        *done = 1;
        return 0;
    case YAML_DOCUMENT_START_EVENT:
        if (++b->docs > 1)
            return yaml_fail(b->doc, err, &ev->start_mark,
                             "only one YAML document is allowed");
        return 0;
    case YAML_ALIAS_EVENT:
        return yaml_fail(b->doc, err, &ev->start_mark,
                         "YAML aliases are not supported");
    case YAML_SCALAR_EVENT:
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
        return yaml_on_node(b, ev, err);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        b->depth--;
        json_decref(b->stack[b->depth].node);
        json_decref(b->stack[b->depth].key);
        return 0;
    default:
        return 0;
    }
}

/* The byte of the text at a libyaml mark's line and column (both count
 * characters, not bytes), or NULL past the end. */
static const char *yaml_mark_at(const lk_doc *doc, const yaml_mark_t *m)
{
    const char *p = doc->text, *end = doc->text + doc->len;
    size_t line = 0, col = 0;
    while (p < end && line < m->line)
        if (*p++ == '\n')
            line++;
    while (p < end && *p != '\n' && col < m->column) {
        p++;
        while (p < end && ((unsigned char)*p & 0xC0) == 0x80)
            p++; /* continuation bytes of the same character */
        col++;
    }
    return p < end ? p : NULL;
}

/* The parser's error as a diagnostic: a reader error (bad UTF-8) at its
 * byte offset, a tab where indentation is expected said to be one. */
static int yaml_parse_error(lk_doc *doc, const yaml_parser_t *parser,
                            lk_error *err)
{
    const char *at;
    yaml_mark_t m = parser->problem_mark;
    unsigned line, col;
    if (parser->error == YAML_MEMORY_ERROR)
        return lk_error_set_oom(err);
    if (parser->error == YAML_READER_ERROR) {
        at = doc->text + (parser->problem_offset < doc->len
                              ? parser->problem_offset
                              : doc->len);
        text_linecol(doc->text, at, &line, &col);
        return lk_error_set_at(err, LK_EINVALID, doc->name, line, col, NULL,
                               "%s", parser->problem ? parser->problem
                                                     : "invalid text");
    }
    at = yaml_mark_at(doc, &m);
    if (at != NULL && *at == '\t') {
        const char *p = at;
        while (p > doc->text && (p[-1] == ' ' || p[-1] == '\t'))
            p--;
        if (p == doc->text || p[-1] == '\n')
            return yaml_fail(doc, err, &m, "a tab in indentation: YAML "
                                           "indents with spaces only");
        return yaml_fail(doc, err, &m, "a tab where YAML allows none "
                                       "(use spaces)");
    }
    return yaml_fail(doc, err, &m,
                     parser->problem ? parser->problem : "YAML syntax error");
}

static int doc_parse_yaml(lk_doc *doc, lk_error *err)
{
    yaml_parser_t parser;
    yaml_event_t ev;
    yaml_builder b;
    int error = 0, done = 0, i;

    memset(&b, 0, sizeof(b));
    b.doc = doc;
    if (!yaml_parser_initialize(&parser))
        return lk_error_set_oom(err);
    yaml_parser_set_input_string(&parser, (const unsigned char *)doc->text,
                                 doc->len);
    while (!done && error == 0) {
        if (!yaml_parser_parse(&parser, &ev)) {
            error = yaml_parse_error(doc, &parser, err);
            break;
        }
        error = yaml_on_event(&b, &ev, &done, err);
        yaml_event_delete(&ev);
    }
    for (i = 0; i < b.depth; i++) {
        json_decref(b.stack[i].node);
        json_decref(b.stack[i].key);
    }
    yaml_parser_delete(&parser);
    if (error == 0 && doc->root == NULL)
        doc->root = json_null();
    return error;
}

/* Position of "ptr" in YAML text: replay the events, track the path. */
static void yaml_locate(const lk_doc *doc, const char *target,
                        unsigned *line, unsigned *column)
{
    yaml_parser_t parser;
    yaml_event_t ev;
    struct {
        int map;        /* 1 mapping, 0 sequence */
        size_t index;   /* next sequence index */
        int want_key;   /* mapping: next scalar is a key */
        size_t ptrlen;  /* length of the pointer at this container */
    } stack[LK_DOC_MAX_DEPTH];
    char ptr[1024] = "";
    size_t best = 0;
    int depth = 0, done = 0;

    *line = 1;
    *column = 1;
    if (!yaml_parser_initialize(&parser))
        return;
    yaml_parser_set_input_string(&parser, (const unsigned char *)doc->text,
                                 doc->len);
    while (!done && yaml_parser_parse(&parser, &ev)) {
        int is_node = ev.type == YAML_SCALAR_EVENT ||
                      ev.type == YAML_SEQUENCE_START_EVENT ||
                      ev.type == YAML_MAPPING_START_EVENT;
        if (ev.type == YAML_STREAM_END_EVENT)
            done = 1;
        if (is_node && depth > 0 && stack[depth - 1].map &&
            stack[depth - 1].want_key && ev.type == YAML_SCALAR_EVENT) {
            /* a key: the value that follows lives at ptr/key */
            ptr[stack[depth - 1].ptrlen] = '\0';
            lk_doc__ptr_push(ptr, sizeof(ptr),
                             (const char *)ev.data.scalar.value);
            stack[depth - 1].want_key = 0;
            is_node = 0;
        } else if (is_node && depth > 0 && !stack[depth - 1].map) {
            ptr[stack[depth - 1].ptrlen] = '\0';
            lk_doc__ptr_push_index(ptr, sizeof(ptr),
                                   stack[depth - 1].index++);
        }
        if (is_node) {
            size_t n = strlen(ptr);
            /* is "ptr" a prefix (by whole tokens) of the target? */
            if (strncmp(target, ptr, n) == 0 &&
                (target[n] == '\0' || target[n] == '/') && n >= best) {
                best = n;
                *line = (unsigned)ev.start_mark.line + 1;
                *column = (unsigned)ev.start_mark.column + 1;
                if (target[n] == '\0')
                    done = 1;
            }
            if (depth > 0 && stack[depth - 1].map)
                stack[depth - 1].want_key = 1;
            if (ev.type != YAML_SCALAR_EVENT && depth < LK_DOC_MAX_DEPTH) {
                stack[depth].map = ev.type == YAML_MAPPING_START_EVENT;
                stack[depth].index = 0;
                stack[depth].want_key = 1;
                stack[depth].ptrlen = strlen(ptr);
                depth++;
            }
        } else if (ev.type == YAML_SEQUENCE_END_EVENT ||
                   ev.type == YAML_MAPPING_END_EVENT) {
            if (depth > 0)
                depth--;
            if (depth > 0)
                ptr[stack[depth - 1].ptrlen] = '\0';
            else
                ptr[0] = '\0';
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
}

/* ---- public ----------------------------------------------------------- */

static int doc_is_yaml(const char *name, const char *text, size_t len)
{
    const char *dot = name ? strrchr(name, '.') : NULL;
    size_t i;
    if (dot && (!strcmp(dot, ".yaml") || !strcmp(dot, ".yml")))
        return 1;
    if (dot && !strcmp(dot, ".json"))
        return 0;
    for (i = 0; i < len; i++) {
        if (!isspace((unsigned char)text[i]))
            return text[i] != '{' && text[i] != '[';
    }
    return 0;
}

int lk_doc__parse(lk_doc **out, const char *name, const char *text,
                  size_t len, lk_error *err)
{
    int error = 0;
    lk_doc *doc;
    lk_alloc__init(); /* jansson allocates through lk_malloc, seeded once */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3; /* a UTF-8 byte order mark, as some editors write */
        len -= 3;
    }
    doc = lk_calloc(1, sizeof(*doc));
    if (doc == NULL)
        return lk_error_set_oom(err);
    doc->in_arena = lk_alloc__json_in_arena();
    doc->name = lk_strdup(name ? name : "-");
    doc->text = lk_strndup(text, len);
    if (doc->name == NULL || doc->text == NULL) {
        error = lk_error_set_oom(err);
        goto out;
    }
    doc->len = len;
    if (memchr(text, '\0', len) != NULL) {
        const char *nul = memchr(text, '\0', len);
        unsigned l, c;
        text_linecol(text, nul, &l, &c);
        error = lk_error_set_at(err, LK_EINVALID, doc->name, l, c, NULL,
                                "NUL byte in text");
        goto out;
    }
    doc->yaml = doc_is_yaml(name, text, len);
    error = doc->yaml ? doc_parse_yaml(doc, err) : doc_parse_json(doc, err);
out:
    if (error < 0) {
        lk_doc__free(doc);
        return error;
    }
    *out = doc;
    return 0;
}

int lk_doc__load(lk_doc **out, const char *path, lk_error *err)
{
    char *text = NULL;
    size_t len = 0;
    int error = lk_file_read(&text, &len, path, LK_DOC_MAX_BYTES, err);
    if (error < 0)
        return error;
    error = lk_doc__parse(out, path, text, len, err);
    lk_free(text);
    return error;
}

void lk_doc__locate(const lk_doc *doc, const char *pointer, unsigned *line,
                    unsigned *column)
{
    if (doc->yaml) {
        yaml_locate(doc, pointer ? pointer : "", line, column);
        return;
    }
    text_linecol(doc->text,
                 json_locate(doc->text, doc->len, pointer ? pointer : ""),
                 line, column);
}

void lk_doc__free(lk_doc *doc)
{
    if (doc == NULL)
        return;
    if (!doc->in_arena)
        json_decref(doc->root);
    lk_free(doc->name);
    lk_free(doc->text);
    lk_free(doc);
}
