/*
 * fanout.c - SSE fan-out benchmark: N room followers on non-blocking sockets, one presenter.
 *
 *   fanout HOST PORT ROOM_CODE TOKEN FOLLOWERS MOVES STEP_A STEP_B
 *
 * Opens FOLLOWERS connections to GET /api/rooms/CODE/events (one epoll loop, no threads),
 * waits until each has read its whole join snapshot, then MOVES times: notes the time, sends
 * the presenter's POST /api/rooms/CODE/cursor and reads every follower until each has seen the
 * event `id: <step>`. The room must start at STEP_A; the moves go to STEP_B, STEP_A, STEP_B...
 * (two neighbouring steps: each move is a one-step diff). Prints, in milliseconds:
 *   all   - per move, the time until *every* follower had the event (p50 / p99 / max)
 *   each  - per follower and move, the time until that follower had it (p50 / p99)
 * Figures only; the exit status is non-zero only if the benchmark could not run.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    int fd;
    char tail[64]; /* the last bytes seen, so a marker split across reads is still found */
    size_t tlen;
    int got; /* has the awaited marker */
} Follower;

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double pct(double *v, size_t n, double p) {
    if (!n) return 0;
    size_t i = (size_t)(p * (double)(n - 1) + 0.5);
    return v[i < n ? i : n - 1];
}

static int connect_to(const char *host, int port, int nonblock) {
    int fd = socket(AF_INET, SOCK_STREAM | (nonblock ? SOCK_NONBLOCK : 0), 0);
    if (fd < 0) return -1;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    inet_pton(AF_INET, host, &a.sin_addr);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0 && errno != EINPROGRESS) {
        close(fd);
        return -1;
    }
    return fd;
}

static int write_all(int fd, const char *s, size_t n) {
    while (n) {
        ssize_t k = write(fd, s, n);
        if (k < 0 && (errno == EAGAIN || errno == EINTR)) {
            usleep(100);
            continue;
        }
        if (k <= 0) return -1;
        s += k;
        n -= (size_t)k;
    }
    return 0;
}

/* Reads what is available on f; marks f->got when `marker` has been seen (the last bytes of
 * the previous read are kept in front, so a marker split across reads is found). -1 on EOF. */
static int pump(Follower *f, const char *marker) {
    static char buf[65536 + sizeof f->tail];
    size_t mlen = strlen(marker);
    for (;;) {
        memcpy(buf, f->tail, f->tlen);
        ssize_t k = read(f->fd, buf + f->tlen, 65536);
        if (k < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return 0;
        if (k <= 0) return -1;
        size_t total = f->tlen + (size_t)k;
        if (memmem(buf, total, marker, mlen)) f->got = 1;
        size_t keep = total < mlen - 1 ? total : mlen - 1;
        memcpy(f->tail, buf + total - keep, keep);
        f->tlen = keep;
    }
}

/* Waits until every follower has `marker`; records per-follower arrival times (ms since t0). */
static int await_all(int ep, Follower *fs, int n, const char *marker, double t0, double *each,
                     double timeout_ms) {
    int have = 0;
    for (int i = 0; i < n; i++)
        fs[i].got = 0, fs[i].tlen = 0;
    struct epoll_event evs[256];
    while (have < n) {
        double left = timeout_ms - (now_ms() - t0);
        if (left <= 0) return -1;
        int k = epoll_wait(ep, evs, 256, (int)left + 1);
        double t = now_ms();
        for (int e = 0; e < k; e++) {
            Follower *f = &fs[evs[e].data.u32];
            if (f->got) {
                char sink[65536];
                while (read(f->fd, sink, sizeof sink) > 0) {
                }
                continue;
            }
            if (pump(f, marker) < 0) return -2;
            if (f->got) {
                if (each) each[f - fs] = t - t0;
                have++;
            }
        }
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 9) {
        fprintf(stderr, "usage: fanout HOST PORT CODE TOKEN FOLLOWERS MOVES STEP_A STEP_B\n");
        return 2;
    }
    const char *host = argv[1], *code = argv[3], *token = argv[4];
    int port = atoi(argv[2]), n = atoi(argv[5]), moves = atoi(argv[6]);
    int steps[2] = {atoi(argv[7]), atoi(argv[8])};
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    Follower *fs = calloc((size_t)n, sizeof *fs);
    int ep = epoll_create1(0);
    char reqbuf[512];
    int rl_len = snprintf(
        reqbuf, sizeof reqbuf,
        "GET /api/rooms/%s/events HTTP/1.1\r\nHost: %s\r\nAccept: text/event-stream\r\n\r\n", code,
        host);
    double t_connect = now_ms();
    for (int i = 0; i < n; i++) {
        fs[i].fd = connect_to(host, port, 0); /* blocking connect + write, then non-blocking */
        if (fs[i].fd < 0 || write_all(fs[i].fd, reqbuf, (size_t)rl_len) != 0) {
            fprintf(stderr, "fanout: follower %d could not connect: %s\n", i, strerror(errno));
            return 1;
        }
        fcntl(fs[i].fd, F_SETFL, fcntl(fs[i].fd, F_GETFL) | O_NONBLOCK);
        struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (uint32_t)i};
        epoll_ctl(ep, EPOLL_CTL_ADD, fs[i].fd, &ev);
    }
    if (await_all(ep, fs, n, "event: snapshot", t_connect, NULL, 60000) != 0) {
        fprintf(stderr, "fanout: not every follower got its join snapshot\n");
        return 1;
    }
    double joined_ms = now_ms() - t_connect;
    /* The join snapshots are large: read them completely (until the sockets are quiet for
     * 300 ms), so the first move is not timed together with the end of the snapshots. */
    for (;;) {
        struct epoll_event evs[256];
        int k = epoll_wait(ep, evs, 256, 300);
        if (k <= 0) break;
        for (int e = 0; e < k; e++) {
            char sink[65536];
            while (read(fs[evs[e].data.u32].fd, sink, sizeof sink) > 0) {
            }
        }
    }

    double *all = calloc((size_t)moves, sizeof *all);
    double *each = calloc((size_t)moves * (size_t)n, sizeof *each);
    int presenter = connect_to(host, port, 0);
    for (int m = 0; m < moves; m++) {
        int step = steps[(m + 1) % 2]; /* the room starts at STEP_A */
        char body[64], post[1024], marker[32], resp[4096];
        int bl = snprintf(body, sizeof body, "{\"step\": %d}", step);
        int pl = snprintf(
            post, sizeof post,
            "POST /api/rooms/%s/cursor HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\n"
            "Content-Type: application/json\r\nContent-Length: %d\r\n\r\n%s",
            code, host, token, bl, body);
        snprintf(marker, sizeof marker, "\nid: %d\n", step);
        double t0 = now_ms();
        if (write_all(presenter, post, (size_t)pl) != 0) return 1;
        if (await_all(ep, fs, n, marker, t0, each + (size_t)m * (size_t)n, 30000) != 0) {
            fprintf(stderr, "fanout: move %d did not reach every follower\n", m);
            return 1;
        }
        all[m] = now_ms() - t0;
        if (getenv("FANOUT_VERBOSE")) fprintf(stderr, "move %d: %.2f ms\n", m, all[m]);
        ssize_t k = read(presenter, resp, sizeof resp - 1); /* the presenter's 200 */
        if (k <= 0 || strncmp(resp, "HTTP/1.1 200", 12) != 0) {
            fprintf(stderr, "fanout: cursor move failed\n");
            return 1;
        }
        usleep(20000); /* let the server's writes settle between moves */
    }
    qsort(all, (size_t)moves, sizeof *all, cmp_double);
    qsort(each, (size_t)moves * (size_t)n, sizeof *each, cmp_double);
    size_t ne = (size_t)moves * (size_t)n;
    printf("followers %d, moves %d, all joined in %.0f ms\n", n, moves, joined_ms);
    printf("every follower has the move: p50 %.2f ms  p99 %.2f ms  max %.2f ms\n",
           pct(all, (size_t)moves, 0.5), pct(all, (size_t)moves, 0.99), all[moves - 1]);
    printf("one follower has the move:   p50 %.2f ms  p99 %.2f ms\n", pct(each, ne, 0.5),
           pct(each, ne, 0.99));
    for (int i = 0; i < n; i++)
        close(fs[i].fd);
    close(presenter);
    free(fs);
    free(all);
    free(each);
    return 0;
}
