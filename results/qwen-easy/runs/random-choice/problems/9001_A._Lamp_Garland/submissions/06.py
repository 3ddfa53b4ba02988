def min_lamps_to_remove(n, s):
    # Count the number of red, green, and blue lamps
    red, green, blue = s.count('R'), s.count('G'), s.count('B')

    # If there are fewer than 3 lamps, they can always be pretty
    if red < 3 or green < 3 or blue < 3:
        return 0

    # If there are exactly 3 lamps, they are pretty
    if red == 3 and green == 3 and blue == 3:
        return 1

    # If there are more than 3 lamps, remove one lamp to make it pretty
    if red > 3 or green > 3 or blue > 3:
        return 1 + (red - 3) + (green - 3) + (blue - 3)

    # If there are exactly 4 lamps, remove one red lamp and two blue lamps to make it pretty
    if red == 4 and green == 2 and blue == 2:
        return 1 + (red - 4) + (green - 2) + (blue - 2)

    # If there are more than 4 lamps, remove one green lamp and two blue lamps to make it pretty
    if red == 4 and green == 3 and blue == 2:
        return 1 + (red - 4) + (green - 3) + (blue - 2)

    # If there are more than 4 lamps, remove one blue lamp and two red lamps to make it pretty
    if red == 4 and green == 2 and blue == 3:
        return 1 + (red - 4) + (green - 2) + (blue - 3)

    # If there are more than 4 lamps, remove one red lamp and two green lamps to make it pretty
    if red == 4 and green == 3 and blue == 2:
        return 1 + (red - 4) + (green - 3) + (blue - 2)

    # If there are more than 4 lamps, remove one green lamp and two blue lamps to make it pretty
    if red == 4 and green == 3 and blue == 2:
        return 1 + (red - 4) + (green - 3
