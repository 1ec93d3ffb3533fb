import sys
print(sys.getrecursionlimit() > 0)
sys.not_a_function()
