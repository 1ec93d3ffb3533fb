/*
 * scenarios.h - the lecture scenarios: scenarios/NAME.py with a title and narration notes.
 *
 * A scenario file starts with a `# Title` comment; `#: text` comments are narration notes.
 * A note on a line of its own narrates the next code line (several such lines are joined);
 * a note at the end of a code line narrates that line. The list is read from disk on every
 * request, so a lecturer can edit a scenario while the server runs.
 */
#ifndef MEMVIZ_SCENARIOS_H
#define MEMVIZ_SCENARIOS_H

#include <stddef.h>

typedef struct {
    int line; /* 1-based code line the note narrates */
    char *text;
} ScenarioNote;

typedef struct {
    char *id;      /* file name, e.g. "refcount.py" */
    char *title;   /* first-line `# Title`, else the id */
    char *section; /* second-line `# Section: ...` (the lecture and heading), or NULL */
    char *summary; /* the first narration note: a one-line summary, or NULL */
    char *source;  /* the whole file */
    size_t source_len;
    ScenarioNote *notes;
    size_t nnotes;
} Scenario;

typedef struct {
    Scenario *items; /* sorted by id */
    size_t n;
} ScenarioList;

/* Reads every DIR/NAME.py. Returns 0, or -1 when DIR can't be opened (list is then empty). */
int scenarios_load(const char *dir, ScenarioList *list);
/* Reads one scenario DIR/ID; returns 0, or -1 if ID is not a valid scenario name or missing. */
int scenarios_load_one(const char *dir, const char *id, Scenario *s);
/* Parses title and notes of an in-memory source (takes ownership of id and source). */
void scenarios_parse(Scenario *s, char *id, char *source, size_t len);
void scenarios_free(ScenarioList *list);
void scenario_destroy(Scenario *s);

#endif
