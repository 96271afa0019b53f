/* qsort and bsearch: random, sorted, reversed and equal inputs, strings
 * and structures, and the search for present and absent keys. */
#include <minnow/test.h>
#include <stdlib.h>
#include <string.h>

#define N 2000
static int numbers[N];

static int by_value(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Sorted, and the same numbers as before (same sum and xor)? */
static int sorted_permutation(const int *v, int n, long sum, int xor)
{
    long s = 0;
    int x = 0;

    for (int i = 0; i < n; i++) {
        if (i > 0 && v[i - 1] > v[i])
            return 0;
        s += v[i];
        x ^= v[i];
    }
    return s == sum && x == xor;
}

static void sort_and_check(const char *name, int n)
{
    long sum = 0;
    int xor = 0;

    for (int i = 0; i < n; i++) {
        sum += numbers[i];
        xor ^= numbers[i];
    }
    qsort(numbers, (size_t)n, sizeof(int), by_value);
    check(sorted_permutation(numbers, n, sum, xor), name, "not sorted, or numbers changed");
}

static void integers(void)
{
    unsigned seed = 7;

    for (int i = 0; i < N; i++)
        numbers[i] = rand_r(&seed) % 1000 - 500;
    sort_and_check("qsort_random", N);
    sort_and_check("qsort_sorted", N);
    for (int i = 0; i < N; i++)
        numbers[i] = N - i;
    sort_and_check("qsort_reversed", N);
    for (int i = 0; i < N; i++)
        numbers[i] = 42;
    sort_and_check("qsort_equal", N);
    numbers[0] = 5;
    sort_and_check("qsort_one", 1);
    sort_and_check("qsort_zero", 0);
    numbers[0] = 3, numbers[1] = 1, numbers[2] = 2;
    sort_and_check("qsort_three", 3);
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

struct person {
    char name[10];
    int age;
};

static int by_age(const void *a, const void *b)
{
    return ((const struct person *)a)->age - ((const struct person *)b)->age;
}

static void other_types(void)
{
    const char *words[] = { "pear", "apple", "fig", "banana", "cherry" };
    qsort(words, 5, sizeof(words[0]), by_string);
    check(!strcmp(words[0], "apple") && !strcmp(words[1], "banana") &&
          !strcmp(words[4], "pear"), "qsort_strings", "%s %s ... %s", words[0], words[1], words[4]);

    struct person people[] = { { "ann", 40 }, { "bob", 25 }, { "cy", 33 }, { "di", 18 } };
    qsort(people, 4, sizeof(people[0]), by_age);
    check(people[0].age == 18 && !strcmp(people[0].name, "di") && people[3].age == 40 &&
          !strcmp(people[3].name, "ann"), "qsort_structs", "%s %d", people[0].name, people[0].age);
}

static void search(void)
{
    int v[100];

    for (int i = 0; i < 100; i++)
        v[i] = i * 3;
    int found = 1;
    for (int i = 0; i < 100; i++) {
        int key = i * 3;
        int *p = bsearch(&key, v, 100, sizeof(int), by_value);
        if (p != &v[i])
            found = 0;
    }
    check(found, "bsearch_present", "a present key was not found");
    int missing[] = { -1, 1, 151, 300 };
    int none = 1;
    for (int i = 0; i < 4; i++)
        if (bsearch(&missing[i], v, 100, sizeof(int), by_value))
            none = 0;
    check(none, "bsearch_absent", "an absent key was found");
    check(bsearch(&v[0], v, 0, sizeof(int), by_value) == NULL, "bsearch_empty", "found in nothing");
}

int main(void)
{
    integers();
    other_types();
    search();
    return test_exit_code();
}
