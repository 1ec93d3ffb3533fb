/*
 * scenarios.c - scenarios/NAME.py: title from the first line, narration from `#:` comments.
 */
#include "server/scenarios.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A scenario id is a plain file name ending in .py: letters, digits, '_', '-', '.' only and
 * no leading dot, so it can never name anything outside the folder. */
static int valid_id(const char *id) {
    size_t n = strlen(id);
    if (n < 4 || n > 128 || id[0] == '.' || strcmp(id + n - 3, ".py") != 0) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = id[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.'))
            return 0;
    }
    return 1;
}

static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        if (n == cap) {
            char *nb =
                cap > (1u << 20) ? NULL : realloc(buf, cap * 2 + 1); /* scenarios are small */
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        if (r == 0) break;
        n += r;
    }
    fclose(f);
    if (!buf) return NULL;
    buf[n] = 0;
    *len = n;
    return buf;
}

static char *dup_trimmed(const char *s, size_t n) {
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    char *r = malloc(n + 1);
    if (!r) return NULL;
    memcpy(r, s, n);
    r[n] = 0;
    return r;
}

static void add_note(Scenario *s, int line, char *text) {
    if (!text) return;
    ScenarioNote *nn = realloc(s->notes, (s->nnotes + 1) * sizeof *nn);
    if (!nn) {
        free(text);
        return;
    }
    s->notes = nn;
    s->notes[s->nnotes].line = line;
    s->notes[s->nnotes].text = text;
    s->nnotes++;
}

/* Appends `more` to the pending note text (joined with a space). */
static char *join(char *pending, char *more) {
    if (!more) return pending;
    if (!pending) return more;
    size_t a = strlen(pending), b = strlen(more);
    char *r = realloc(pending, a + b + 2);
    if (!r) {
        free(more);
        return pending;
    }
    r[a] = ' ';
    memcpy(r + a + 1, more, b + 1);
    free(more);
    return r;
}

void scenarios_parse(Scenario *s, char *id, char *source, size_t len) {
    memset(s, 0, sizeof *s);
    s->id = id;
    s->source = source;
    s->source_len = len;
    char *pending = NULL; /* own-line notes waiting for their code line */
    int lineno = 0;
    for (const char *p = source, *end = source + len; p < end;) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        lineno++;
        const char *q = p;
        while (q < eol && (*q == ' ' || *q == '\t'))
            q++;
        if (lineno == 1 && q + 1 < eol && q[0] == '#' && q[1] == ' ' && !s->title) {
            s->title = dup_trimmed(q + 2, (size_t)(eol - q - 2));
        } else if (lineno <= 3 && !s->section && eol - q > 11 && !strncmp(q, "# Section:", 10)) {
            s->section = dup_trimmed(q + 10, (size_t)(eol - q - 10));
        } else if (q + 1 < eol && q[0] == '#' && q[1] == ':') {
            pending = join(pending, dup_trimmed(q + 2, (size_t)(eol - q - 2)));
        } else if (q < eol && q[0] != '#') {
            /* a code line: it takes the pending notes, and a trailing `#:` note of its own */
            const char *trail = NULL;
            for (const char *c = q; c + 1 < eol; c++)
                if (c[0] == '#' && c[1] == ':' && c > q && (c[-1] == ' ' || c[-1] == '\t')) {
                    trail = c;
                    break;
                }
            if (trail) pending = join(pending, dup_trimmed(trail + 2, (size_t)(eol - trail - 2)));
            if (pending) add_note(s, lineno, pending);
            pending = NULL;
        }
        p = eol + 1;
    }
    if (pending) add_note(s, lineno, pending); /* notes after the last code line */
    if (!s->title) s->title = strdup(id);
    if (s->nnotes > 0) s->summary = strdup(s->notes[0].text);
}

int scenarios_load_one(const char *dir, const char *id, Scenario *s) {
    if (!valid_id(id)) return -1;
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, id) >= sizeof path) return -1;
    size_t len;
    char *src = read_all(path, &len);
    if (!src) return -1;
    char *idc = strdup(id);
    if (!idc) {
        free(src);
        return -1;
    }
    scenarios_parse(s, idc, src, len);
    return 0;
}

static int cmp_scenario(const void *a, const void *b) {
    return strcmp(((const Scenario *)a)->id, ((const Scenario *)b)->id);
}

int scenarios_load(const char *dir, ScenarioList *list) {
    list->items = NULL;
    list->n = 0;
    DIR *d = opendir(dir);
    if (!d) return -1;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!valid_id(e->d_name)) continue;
        Scenario s;
        if (scenarios_load_one(dir, e->d_name, &s) != 0) continue;
        Scenario *ni = realloc(list->items, (list->n + 1) * sizeof *ni);
        if (!ni) {
            scenario_destroy(&s);
            break;
        }
        list->items = ni;
        list->items[list->n++] = s;
    }
    closedir(d);
    if (list->n) qsort(list->items, list->n, sizeof *list->items, cmp_scenario);
    return 0;
}

void scenario_destroy(Scenario *s) {
    free(s->id);
    free(s->title);
    free(s->section);
    free(s->summary);
    free(s->source);
    for (size_t i = 0; i < s->nnotes; i++)
        free(s->notes[i].text);
    free(s->notes);
    memset(s, 0, sizeof *s);
}

void scenarios_free(ScenarioList *list) {
    for (size_t i = 0; i < list->n; i++)
        scenario_destroy(&list->items[i]);
    free(list->items);
    list->items = NULL;
    list->n = 0;
}
