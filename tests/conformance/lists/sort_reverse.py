nums = [5, 2, 9, 1, 5, 6]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
pairs.sort()
print(pairs)
pairs.sort(key=lambda p: p[1])
print(pairs)
r = [1, 2, 3]
r.reverse()
print(r)
print(r.sort())
print(sorted([3, 1, 2]), sorted("cab"), sorted([3, 1, 2], reverse=True))
mixed = [3.5, 1, 2.25, -1]
mixed.sort()
print(mixed)
