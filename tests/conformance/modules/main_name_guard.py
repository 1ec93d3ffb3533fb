import sys
def helper():
    return "helper called"
def main():
    print(helper())
    print("name:", __name__)
    return 0
if __name__ == '__main__':
    main()
if __name__ != "__main__":
    print("never")
