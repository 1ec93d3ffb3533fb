# A memory leak: a cache that only grows
# Section: Lecture 7, 3.3 Memory Leaks
#: Nothing here is garbage: a global dict keeps every report reachable, so neither refcounting nor gc can free it.
import sys

report_cache = {}


def match_report(match_id):
    #: Every new match adds an entry and nothing ever removes one.
    if match_id not in report_cache:
        report_cache[match_id] = [match_id] * 50
    return report_cache[match_id]


def cache_bytes(cache):
    return sys.getsizeof(cache) + sum(sys.getsizeof(r) for r in cache.values())


for match_id in range(60):
    match_report(match_id)
    if match_id % 20 == 19:
        #: Memory grows with every match ever seen: a leak, even though no object is lost.
        print(len(report_cache), "reports,", cache_bytes(report_cache), "bytes")
#: The fix: bound the cache. Evict the oldest entry (dicts keep insertion order) beyond 10.
for match_id in range(60, 120):
    match_report(match_id)
    while len(report_cache) > 10:
        #: The evicted list's refcount drops to 0 and it is freed immediately.
        del report_cache[next(iter(report_cache))]
#: Memory stays bounded: 10 reports. (A dict's table shrinks only when an insert rebuilds it; clear() resets it to 64 bytes.)
print(len(report_cache), "reports,", cache_bytes(report_cache), "bytes")
report_cache.clear()
print(len(report_cache), "reports,", cache_bytes(report_cache), "bytes")
