# Monitoring memory: sys.getsizeof and memory_profiler
# Section: Tutorial, Best Practices for Memory Management
# Not in the conformance suite: python3 here has no memory_profiler installed, and memviz's
# memory_usage() reports the simulated process (baseline + the model's arenas), not a real RSS.
#: The tutorial's example exactly as written. memory_profiler is simulated by memviz.
import sys
from memory_profiler import memory_usage

# Example function to monitor memory usage
def example_function():
    #: A list comprehension appends 10000 ints one by one; the list over-allocates as it grows.
    a = [i for i in range(10000)]
    #: 85176 bytes: 56 for the list object + 8 per slot for 10640 slots (room to grow). The ints are not counted.
    print("Memory usage of list a:", sys.getsizeof(a))

if __name__ == '__main__':
    #: memory_usage runs example_function and samples the process's memory (in MiB) while it runs.
    mem_usage = memory_usage((example_function,))
    #: example_function has returned: its frame was popped and the list (refcount 0) freed. The samples were taken while it ran.
    print("Memory usage during the function execution:", mem_usage)
