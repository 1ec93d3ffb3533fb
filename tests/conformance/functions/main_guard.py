def main():
    print("running main")
    return 0
print("module level, __name__ =", __name__)
if __name__ == '__main__':
    main()
    print("done")
else:
    print("imported")
