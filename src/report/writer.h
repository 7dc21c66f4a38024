/*
 * writer.h: the report's document model. A renderer describes a document
 * as blocks (headings, paragraphs, list items, tables) holding inline
 * content (text, strong, emphasis, code, links); the writer prints it as
 * Markdown or as HTML. Nothing is re-parsed: case text is always text.
 */
#ifndef LK_REPORT_WRITER_H
#define LK_REPORT_WRITER_H

#include "buf.h"
#include "error.h"

typedef struct lk_writer {
    lk_buf *b;     /* output (borrowed) */
    int html;      /* 1: HTML, 0: Markdown */
    int block;     /* open block: WRITER_NONE, _HEADING, _PARA, _ITEM, _ROW */
    int level;     /* level of the open heading */
    int in_list;   /* a list is open */
    int in_table;  /* a table is open */
    int rows;      /* rows written in the open table */
    int ncols;     /* columns of the open table */
    int cells;     /* cells written in the open row */
    size_t cell_at; /* output length when the open cell began */
    int in_cell;   /* a cell is open */
    int strong;    /* strong emphasis open */
    int em;        /* emphasis open */
} lk_writer;

/* Start writing to "b" as HTML ("html" 1) or Markdown. Cannot fail. */
void lk_writer_init(lk_writer *w, lk_buf *b, int html);

/* Begin a heading of "level" (1..6); inline content follows. */
void lk_writer_heading(lk_writer *w, int level);
/* Begin a paragraph; inline content follows. */
void lk_writer_para(lk_writer *w);
/* Begin an item of a bulleted list (opened as needed). */
void lk_writer_item(lk_writer *w);
/* Begin a table of "ncols" columns; its first row is the header. */
void lk_writer_table(lk_writer *w, int ncols);
/* Begin a row of the open table. */
void lk_writer_row(lk_writer *w);
/* Begin the next cell of the open row. */
void lk_writer_cell(lk_writer *w);
/* End the open heading, paragraph, item or row. */
void lk_writer_end(lk_writer *w);
/* Close every open block, list and table. */
void lk_writer_close(lk_writer *w);

/* Inline text, printed literally (escaped for the output). */
void lk_writer_text(lk_writer *w, const char *s);
/* Inline text that came from a case or another untrusted source: like
 * lk_writer_text, and in Markdown every character that could start
 * markup (* _ ` [ ] < > # \ and |) is escaped with a backslash, so a
 * "<script>" or a "**" in a case title stays text in every output. */
void lk_writer_data(lk_writer *w, const char *s);
/* Inline text from a printf format. */
void lk_writer_textf(lk_writer *w, const char *fmt, ...) LK_PRINTF(2, 3);
/* Toggle strong emphasis ("on" 1 opens, 0 closes). */
void lk_writer_strong(lk_writer *w, int on);
/* Toggle emphasis. */
void lk_writer_em(lk_writer *w, int on);
/* Inline code. */
void lk_writer_code(lk_writer *w, const char *s);
/* A link whose text is its address. */
void lk_writer_link(lk_writer *w, const char *url);

/* Whole table cells, for brevity: one cell holding text / code. */
void lk_writer_cell_text(lk_writer *w, const char *s);

#endif
