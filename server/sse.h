/*
 * sse.h - Server-Sent Events: a run played step by step, and a room's cursor moves.
 *
 * Both streams are HttpResponse stream bodies whose reader blocks (on the room's condition,
 * or sleeping for the requested pace) until it has an event; see docs/api.md for the event
 * grammar. Each event's `id:` is the step the client has after applying it, which is what
 * makes `Last-Event-ID` resume work.
 */
#ifndef MEMVIZ_SSE_H
#define MEMVIZ_SSE_H

#include "server/http.h"
#include "server/sessions.h"

#include <stdbool.h>
#include <stddef.h>

/* Seconds between `: ping` comments on an idle room stream. */
#define SSE_PING_SECONDS 15.0

/* Streams run r (finished; the reference is taken over) from step `from`: its snapshot, then
 * one diff per step, then `end`. resume: the client already has step `from`; start with the
 * diff from -> from + 1. speed: steps per second (0: as fast as the client reads).
 * Returns false when out of memory (r is released). */
bool sse_run_stream(Sessions *s, Run *r, size_t from, bool resume, double speed,
                    HttpResponse *resp);

/* Streams room `room` (the reference is taken over): a snapshot of its step, then a diff per
 * cursor move. Returns false when out of memory (room is released). */
bool sse_room_stream(Sessions *s, Room *room, HttpResponse *resp);

/* Formats one event (`id:` left out when id < 0). New malloc'd text, NULL on OOM. */
char *sse_format(long long id, const char *event, const char *data, size_t datalen, size_t *len);

#endif
