/* rng.h: internal to analysis/: a seeded pseudo-random generator (SplitMix64), the same numbers everywhere. */
#ifndef REMISS_RNG_H
#define REMISS_RNG_H

#include <stdint.h>

/* SplitMix64 (Steele, Lea, Flood 2014; the seeding generator of
 * xoshiro): advances *state and returns the next 64-bit value. */
static inline uint64_t
rng_next(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* A uniform double in [0, 1) from the top 53 bits. */
static inline double
rng_unit(uint64_t *state)
{
	return (double)(rng_next(state) >> 11) * (1.0 / 9007199254740992.0);
}

#endif
