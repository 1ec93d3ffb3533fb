/*
 * static.c - static files: content types, ETag / Last-Modified, gzip, traversal refusal.
 *
 * Files are sent with sendfile (an fd response) unless the client accepts gzip and the type
 * is text, in which case the compressed bytes come from a small cache keyed by real path and
 * ETag (a changed file gets a new ETag, so a stale entry is never served).
 */
#define _GNU_SOURCE /* strcasestr, strptime, timegm */
#include "server/static.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#define GZIP_CACHE 32
#define GZIP_MIN_SIZE 256        /* smaller files are not worth compressing */
#define GZIP_MAX_SIZE (8u << 20) /* bigger ones are sent as they are */

typedef struct {
    char *path; /* real path */
    char etag[64];
    char *data;
    size_t len;
    unsigned long used;
} GzEntry;

struct Static {
    char root[PATH_MAX]; /* real path, no trailing slash */
    int rootfd;          /* the folder, for openat2 */
    size_t rootlen;
    pthread_mutex_t mu;
    GzEntry gz[GZIP_CACHE];
    unsigned long clock;
};

static const struct {
    const char *ext, *type;
    int text;
} types[] = {
    {".html", "text/html; charset=utf-8", 1},
    {".htm", "text/html; charset=utf-8", 1},
    {".js", "text/javascript; charset=utf-8", 1},
    {".mjs", "text/javascript; charset=utf-8", 1},
    {".css", "text/css; charset=utf-8", 1},
    {".json", "application/json; charset=utf-8", 1},
    {".map", "application/json; charset=utf-8", 1},
    {".svg", "image/svg+xml", 1},
    {".txt", "text/plain; charset=utf-8", 1},
    {".md", "text/plain; charset=utf-8", 1},
    {".py", "text/x-python; charset=utf-8", 1},
    {".png", "image/png", 0},
    {".jpg", "image/jpeg", 0},
    {".jpeg", "image/jpeg", 0},
    {".gif", "image/gif", 0},
    {".webp", "image/webp", 0},
    {".ico", "image/x-icon", 0},
    {".woff", "font/woff", 0},
    {".woff2", "font/woff2", 0},
    {".wasm", "application/wasm", 0},
};

static int type_index(const char *name) {
    const char *dot = strrchr(name, '.');
    const char *slash = strrchr(name, '/');
    if (!dot || (slash && dot < slash)) return -1;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (!strcasecmp(dot, types[i].ext)) return (int)i;
    return -1;
}

const char *static_content_type(const char *name) {
    int i = type_index(name);
    return i < 0 ? "application/octet-stream" : types[i].type;
}

Static *static_new(const char *root) {
    Static *st = calloc(1, sizeof *st);
    if (!st) return NULL;
    if (!realpath(root, st->root)) {
        free(st);
        return NULL;
    }
    st->rootlen = strlen(st->root);
    st->rootfd = open(st->root, O_PATH | O_DIRECTORY | O_CLOEXEC);
    while (st->rootlen > 1 && st->root[st->rootlen - 1] == '/')
        st->root[--st->rootlen] = 0;
    pthread_mutex_init(&st->mu, NULL);
    return st;
}

void static_free(Static *st) {
    if (!st) return;
    for (int i = 0; i < GZIP_CACHE; i++) {
        free(st->gz[i].path);
        free(st->gz[i].data);
    }
    pthread_mutex_destroy(&st->mu);
    if (st->rootfd >= 0) close(st->rootfd);
    free(st);
}

/* Refuses paths that try to leave the folder, before touching the file system. */
static int path_suspicious(const char *path) {
    if (path[0] != '/' || path[1] == '/') return 1; /* absolute after the leading slash */
    if (strchr(path, '\\')) return 1;
    if (strcasestr(path, "%2e") || strcasestr(path, "%2f") || strcasestr(path, "%5c")) return 1;
    for (const char *p = path; *p; p++) {
        /* a ".." segment: preceded by '/' and followed by '/' or the end */
        if (p[0] == '.' && p[1] == '.' && p > path && p[-1] == '/' && (p[2] == '/' || p[2] == 0))
            return 1;
    }
    return 0;
}

static void http_date(time_t t, char *out, size_t cap) {
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, cap, "%a, %d %b %Y %H:%M:%S GMT", &tm);
}

/* Parses an HTTP date (IMF-fixdate); -1 if it is not one. */
static time_t parse_http_date(const char *s) {
    struct tm tm = {0};
    const char *end = strptime(s, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    if (!end) return -1;
    return timegm(&tm);
}

/* Does an If-None-Match list contain etag (or "*")? */
static int etag_matches(const char *inm, const char *etag) {
    size_t n = strlen(etag);
    for (const char *p = inm; *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        if (p[0] == 'W' && p[1] == '/') p += 2;
        if (*p == '*') return 1;
        if (!strncmp(p, etag, n) && (p[n] == 0 || p[n] == ',' || p[n] == ' ')) return 1;
        while (*p && *p != ',')
            p++;
    }
    return 0;
}

static int accepts_gzip(const char *ae) {
    if (!ae) return 0;
    const char *p = strcasestr(ae, "gzip");
    if (!p) return 0;
    /* "gzip;q=0" refuses it */
    const char *q = p + 4;
    while (*q == ' ')
        q++;
    if (*q == ';') {
        q++;
        while (*q == ' ')
            q++;
        if ((q[0] == 'q' || q[0] == 'Q') && q[1] == '=' && strtod(q + 2, NULL) == 0) return 0;
    }
    return 1;
}

static char *gzip_file(int fd, size_t size, size_t *outlen) {
    char *in = malloc(size ? size : 1);
    if (!in) return NULL;
    size_t got = 0;
    while (got < size) {
        ssize_t k = pread(fd, in + got, size - got, (off_t)got);
        if (k <= 0) break;
        got += (size_t)k;
    }
    z_stream z;
    memset(&z, 0, sizeof z);
    if (got != size || deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        free(in);
        return NULL;
    }
    size_t cap = deflateBound(&z, (uLong)size) + 32;
    char *out = malloc(cap);
    if (!out) {
        deflateEnd(&z);
        free(in);
        return NULL;
    }
    z.next_in = (Bytef *)in;
    z.avail_in = (uInt)size;
    z.next_out = (Bytef *)out;
    z.avail_out = (uInt)cap;
    int rc = deflate(&z, Z_FINISH);
    *outlen = z.total_out;
    deflateEnd(&z);
    free(in);
    if (rc != Z_STREAM_END) {
        free(out);
        return NULL;
    }
    return out;
}

/* The gzip bytes of (path, etag): a cached copy, or compressed now and cached. */
static char *gzip_cached(Static *st, const char *path, const char *etag, int fd, size_t size,
                         size_t *len) {
    pthread_mutex_lock(&st->mu);
    for (int i = 0; i < GZIP_CACHE; i++) {
        GzEntry *e = &st->gz[i];
        if (e->path && !strcmp(e->path, path) && !strcmp(e->etag, etag)) {
            char *c = malloc(e->len ? e->len : 1);
            if (c) memcpy(c, e->data, e->len);
            *len = e->len;
            e->used = ++st->clock;
            pthread_mutex_unlock(&st->mu);
            return c;
        }
    }
    pthread_mutex_unlock(&st->mu);
    size_t n = 0;
    char *z = gzip_file(fd, size, &n);
    if (!z) return NULL;
    char *c = malloc(n ? n : 1);
    char *p = strdup(path);
    if (!c || !p) {
        free(c);
        free(p);
        free(z);
        return NULL;
    }
    memcpy(c, z, n);
    pthread_mutex_lock(&st->mu);
    GzEntry *victim = &st->gz[0];
    for (int i = 1; i < GZIP_CACHE; i++)
        if (st->gz[i].used < victim->used) victim = &st->gz[i];
    free(victim->path);
    free(victim->data);
    victim->path = p;
    snprintf(victim->etag, sizeof victim->etag, "%s", etag);
    victim->data = z;
    victim->len = n;
    victim->used = ++st->clock;
    pthread_mutex_unlock(&st->mu);
    *len = n;
    return c;
}

/* Opens path with the kernel refusing any escape from the folder: openat2 with
 * RESOLVE_BENEATH fails on "..", absolute paths and symlinks leading out (one system call,
 * where realpath costs one per path component). Returns the fd, or -1 with errno. */
static int open_beneath(int dirfd, const char *rel) {
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = O_RDONLY | O_CLOEXEC;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    return (int)syscall(SYS_openat2, dirfd, rel, &how, sizeof how);
}

/* The slow, portable check: realpath, then the prefix. Also the answer for what openat2
 * refuses only for its strictness (an absolute symlink that points inside the folder). */
static StaticResult open_checked(Static *st, const char *rel, int *fd, struct stat *sb) {
    char want[PATH_MAX], real[PATH_MAX];
    int n = snprintf(want, sizeof want, "%s/%s", st->root, rel);
    if (n < 0 || (size_t)n >= sizeof want) return STATIC_NOT_FOUND;
    if (!realpath(want, real)) return errno == EACCES ? STATIC_FORBIDDEN : STATIC_NOT_FOUND;
    /* the real path must be inside the folder (a symlink may point anywhere) */
    if (strncmp(real, st->root, st->rootlen) != 0 ||
        (real[st->rootlen] != '/' && real[st->rootlen] != 0))
        return STATIC_FORBIDDEN;
    *fd = open(real, O_RDONLY | O_CLOEXEC);
    if (*fd < 0 || fstat(*fd, sb) != 0) {
        if (*fd >= 0) close(*fd);
        return STATIC_NOT_FOUND;
    }
    return STATIC_OK;
}

/* Opens the file for rel (relative to the folder; a folder means its index.html). The name
 * of the file opened (rel, or rel/index.html) goes to name (PATH_MAX bytes). */
static StaticResult open_file(Static *st, const char *rel, int *fd, struct stat *sb, char *name) {
    StaticResult res = STATIC_OK;
    *fd = st->rootfd >= 0 ? open_beneath(st->rootfd, rel) : -1;
    if (*fd >= 0) {
        if (fstat(*fd, sb) != 0) {
            close(*fd);
            return STATIC_NOT_FOUND;
        }
    } else if (st->rootfd >= 0 && (errno == ENOENT || errno == ENOTDIR)) {
        return STATIC_NOT_FOUND;
    } else {
        res = open_checked(st, rel, fd, sb); /* EXDEV, ELOOP, ENOSYS (old kernel), EPERM ... */
        if (res != STATIC_OK) return res;
    }
    if (S_ISDIR(sb->st_mode)) { /* a folder serves its index.html */
        char idx[PATH_MAX];
        close(*fd);
        *fd = -1;
        size_t rl = strlen(rel);
        if ((size_t)snprintf(idx, sizeof idx, "%s%sindex.html", rel,
                             rl && rel[rl - 1] != '/' ? "/" : "") >= sizeof idx)
            return STATIC_NOT_FOUND;
        if (!strcmp(idx, rel)) return STATIC_NOT_FOUND;
        return open_file(st, idx, fd, sb, name);
    }
    if (!S_ISREG(sb->st_mode)) {
        close(*fd);
        *fd = -1;
        return STATIC_NOT_FOUND;
    }
    snprintf(name, PATH_MAX, "%s", rel);
    return STATIC_OK;
}

StaticResult static_serve(Static *st, const HttpRequest *req, HttpResponse *resp) {
    const char *method = http_method(req);
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) return STATIC_METHOD;
    const char *path = http_path(req);
    if (path_suspicious(path)) return STATIC_FORBIDDEN;

    char rel[PATH_MAX];
    size_t plen = strlen(path);
    if ((size_t)snprintf(rel, sizeof rel, "%s%s", plen > 1 ? path + 1 : "",
                         path[plen - 1] == '/' ? "index.html" : "") >= sizeof rel)
        return STATIC_NOT_FOUND;
    int fd = -1;
    struct stat sb;
    char real[PATH_MAX]; /* the file's name in the folder: its type; with the ETag, gzip's key */
    StaticResult res = open_file(st, rel, &fd, &sb, real);
    if (res != STATIC_OK) return res;

    int ti = type_index(real);
    int text = ti >= 0 && types[ti].text;
    char etag[64], lm[64];
    snprintf(etag, sizeof etag, "\"%llx-%llx\"", (unsigned long long)sb.st_size,
             (unsigned long long)sb.st_mtim.tv_sec * 1000000000ULL +
                 (unsigned long long)sb.st_mtim.tv_nsec);
    http_date(sb.st_mtime, lm, sizeof lm);
    const char *ae = http_header(req, "Accept-Encoding");
    int gz = text && accepts_gzip(ae) && sb.st_size >= GZIP_MIN_SIZE &&
             (size_t)sb.st_size <= GZIP_MAX_SIZE;
    if (gz) { /* the gzip variant has its own strong ETag */
        size_t el = strlen(etag);
        memcpy(etag + el - 1, "-gz\"", 5);
    }

    resp->content_type = ti >= 0 ? types[ti].type : "application/octet-stream";
    http_header_add(resp, "ETag", etag);
    http_header_add(resp, "Last-Modified", lm);
    http_header_add(resp, "Cache-Control", "no-cache");
    if (text) http_header_add(resp, "Vary", "Accept-Encoding");

    const char *inm = http_header(req, "If-None-Match");
    const char *ims = http_header(req, "If-Modified-Since");
    if ((inm && etag_matches(inm, etag)) ||
        (!inm && ims && parse_http_date(ims) >= 0 && sb.st_mtime <= parse_http_date(ims))) {
        resp->status = 304;
        close(fd);
        return STATIC_OK;
    }

    if (gz) {
        size_t zl = 0;
        char *z = gzip_cached(st, real, etag, fd, (size_t)sb.st_size, &zl);
        if (z) {
            close(fd);
            http_header_add(resp, "Content-Encoding", "gzip");
            resp->status = 200;
            resp->body = z;
            resp->len = zl;
            return STATIC_OK;
        }
        /* compression failed: send the file as it is, with the identity ETag */
        resp->nheaders = 0;
        etag[strlen(etag) - 4] = '"';
        etag[strlen(etag) - 3] = 0;
        http_header_add(resp, "ETag", etag);
        http_header_add(resp, "Last-Modified", lm);
        http_header_add(resp, "Cache-Control", "no-cache");
        http_header_add(resp, "Vary", "Accept-Encoding");
    }
    resp->status = 200;
    resp->fd = fd;
    resp->fd_size = (uint64_t)sb.st_size;
    return STATIC_OK;
}
