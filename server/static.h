/*
 * static.h - the page's files from the static folder: types, caching headers, gzip, and no
 * way out of the folder.
 *
 * Refused (STATIC_FORBIDDEN): a `..` segment (libmicrohttpd has already decoded `%2e%2e`),
 * a literal `%2e` left after decoding (double encoding), a backslash, an absolute path
 * (`//etc/passwd`), and any file whose real path, symlinks resolved, is outside the folder.
 */
#ifndef MEMVIZ_STATIC_H
#define MEMVIZ_STATIC_H

#include "server/http.h"

typedef struct Static Static;

typedef enum {
    STATIC_OK, /* resp is filled (200 or 304) */
    STATIC_NOT_FOUND,
    STATIC_FORBIDDEN,
    STATIC_METHOD, /* not GET / HEAD */
    STATIC_NOMEM,
} StaticResult;

/* root must exist; NULL otherwise. */
Static *static_new(const char *root);
void static_free(Static *st);
/* Serves req's path. On anything but STATIC_OK resp is untouched (api.c writes the error). */
StaticResult static_serve(Static *st, const HttpRequest *req, HttpResponse *resp);
/* The Content-Type memviz uses for a file name (by extension). */
const char *static_content_type(const char *name);

#endif
