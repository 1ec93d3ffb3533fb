stack = []
for i in range(5):
    stack.append(i * 10)
    print("push", i * 10, stack)
while stack:
    print("pop", stack.pop(), stack)
queue = [1, 2, 3]
queue.append(4)
print(queue.pop(0), queue.pop(0), queue)
