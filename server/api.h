/*
 * api.h - the routes of docs/api.md: requests -> handlers, and the one place that maps an
 * error to its HTTP status and JSON body (api_error).
 */
#ifndef MEMVIZ_API_H
#define MEMVIZ_API_H

#include "server/http.h"
#include "server/sessions.h"
#include "server/static.h"

typedef struct {
    Sessions *sessions;
    Static *statics;          /* the static folder */
    const char *scenario_dir; /* scenarios/ */
} Api;

/* The HttpHandler of the server: ctx is an Api. */
void api_handle(void *ctx, const HttpRequest *req, HttpResponse *resp);

#endif
