/* Sorting and binary search over arrays of any element type: the caller
 * gives the element size and a comparison function (negative, zero or
 * positive, like strcmp).
 *
 * qsort is quicksort: pick a pivot (the median of the first, middle and
 * last elements, so that sorted input is not the worst case), move the
 * smaller elements to its left and the larger to its right, and sort both
 * sides the same way.  Short ranges are finished by insertion sort. */
#include <stdlib.h>

#define SMALL 8                 /* ranges this short: insertion sort */

typedef int (*compare_fn)(const void *, const void *);

static void swap(char *a, char *b, size_t size)
{
    while (size--) {
        char t = *a;
        *a++ = *b;
        *b++ = t;
    }
}

static void insertion_sort(char *base, size_t n, size_t size, compare_fn cmp)
{
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && cmp(base + (j - 1) * size, base + j * size) > 0; j--)
            swap(base + (j - 1) * size, base + j * size, size);
}

/* Puts the median of the first, middle and last elements first. */
static void choose_pivot(char *base, size_t n, size_t size, compare_fn cmp)
{
    char *first = base, *mid = base + (n / 2) * size, *last = base + (n - 1) * size;

    if (cmp(mid, first) < 0)
        swap(mid, first, size);
    if (cmp(last, first) < 0)
        swap(last, first, size);
    if (cmp(last, mid) < 0)
        swap(last, mid, size);
    swap(first, mid, size);     /* the median goes to the front */
}

/* With the pivot at base[0]: rearranges so that elements before the
 * returned index are <= pivot and those after are >= pivot, the pivot
 * itself at that index.  Scanning from both ends and stopping at equal
 * elements keeps it fast when many elements are equal. */
static size_t partition(char *base, size_t n, size_t size, compare_fn cmp)
{
    size_t i = 0, j = n;

    for (;;) {
        do
            i++;
        while (i < n - 1 && cmp(base + i * size, base) < 0);
        do
            j--;
        while (j > 0 && cmp(base, base + j * size) < 0);
        if (i >= j)
            break;
        swap(base + i * size, base + j * size, size);
    }
    swap(base, base + j * size, size);
    return j;
}

void qsort(void *array, size_t n, size_t size, compare_fn cmp)
{
    char *base = array;

    /* Recurse into the smaller side, loop on the larger one: the stack
     * never grows deeper than log2(n) calls. */
    while (n > SMALL) {
        choose_pivot(base, n, size, cmp);
        size_t p = partition(base, n, size, cmp);
        size_t left = p, right = n - p - 1;
        if (left < right) {
            qsort(base, left, size, cmp);
            base += (p + 1) * size;
            n = right;
        } else {
            qsort(base + (p + 1) * size, right, size, cmp);
            n = left;
        }
    }
    insertion_sort(base, n, size, cmp);
}

/* Binary search in a sorted array: halve the range until key is found. */
void *bsearch(const void *key, const void *array, size_t n, size_t size,
              compare_fn cmp)
{
    const char *base = array;

    while (n > 0) {
        const char *mid = base + (n / 2) * size;
        int c = cmp(key, mid);
        if (c == 0)
            return (void *)mid;
        if (c > 0) {                /* in the upper half */
            base = mid + size;
            n = n - n / 2 - 1;
        } else {
            n = n / 2;
        }
    }
    return NULL;
}
