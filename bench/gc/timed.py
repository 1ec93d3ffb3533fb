# python3 side of bench/gc.sh: runs a program with gc.collect() timed, as memviz --time-gc does
import gc, runpy, sys, time
_collect = gc.collect
def timed_collect(*args, **kw):
    t0 = time.perf_counter()
    n = _collect(*args, **kw)
    sys.stderr.write("gc.collect: %.3f ms, %d unreachable\n" % ((time.perf_counter() - t0) * 1e3, n))
    return n
gc.collect = timed_collect
runpy.run_path(sys.argv[1], run_name="__main__")
