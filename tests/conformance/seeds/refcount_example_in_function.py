import sys

def demo():
    a = [1, 2, 3]
    print("Reference count of a:", sys.getrefcount(a))
    b = a
    print("Reference count after creating b:", sys.getrefcount(a))
    del b
    print("Reference count after deleting b:", sys.getrefcount(a))
    return a

if __name__ == '__main__':
    result = demo()
    print("Reference count of returned list:", sys.getrefcount(result))
