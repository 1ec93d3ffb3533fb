import sys
def example_function():
    a = [i for i in range(10000)]
    print("Memory usage of list a:", sys.getsizeof(a))
example_function()
