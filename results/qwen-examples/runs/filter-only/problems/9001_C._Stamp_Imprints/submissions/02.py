# Read input strings
s = input().strip()
p = input().strip()

# Read the number of questions
q = int(input())

# Read each question
for _ in range(q):
    l, r = map(int, input().split())

    # Calculate the length of the segment
    segment_length = r - l + 1

    # Check if the segment contains only the imprint starting at l
    if segment_length <= len(s):
        # Count the number of imprints that lie completely inside the segment
        imprints = segment_length - len(s[l:])
        print(imprints)
    else:
        # If the segment is shorter than the stamp, no imprints lie inside
        print(0)
