# Bitwise operators in $(( )).
echo $((1 << 4)) $((256 >> 3)) $((-16 >> 2))
echo $((12 & 10)) $((12 | 10)) $((12 ^ 10)) $((~0)) $((~5))
echo $((1 << 2 + 1)) $((6 & 3 == 2))
echo $((0xF0 | 0x0F)) $((0xFF & ~0x0F))
mask=$((1 << 3 | 1 << 1))
for bit in 0 1 2 3; do
    if [ $((mask >> bit & 1)) -eq 1 ]; then echo "bit $bit set"; fi
done
