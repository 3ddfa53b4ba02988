import math

def calculate_shadows(towers, alpha):
    n = len(towers)
    shadows = []
    for i in range(n):
        x, h = towers[i]
        shadow = [x, x + h * math.cos(alpha) / math.sin(alpha)]
        shadows.append(shadow)
    return shadows

def calculate_total_length(shadows):
    total_length = 0
    for shadow in shadows:
        total_length += shadow[1] - shadow[0]
    return total_length

if __name__ == "__main__":
    # Read input
    n, alpha = map(int, input().split())
    towers = []
    for _ in range(n):
        x, h = map(int, input().split())
        towers.append((x, h))

    # Calculate shadows
    shadows = calculate_shadows(towers, alpha)

    # Calculate total length of the shadow
    total_length = calculate_total_length(shadows)

    # Print the result
    print(total_length)
