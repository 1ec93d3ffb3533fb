try:
    [].pop()
except IndexError:
    print("cleanup then re-raise")
    raise
