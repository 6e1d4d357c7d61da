/**
 * A content-addressed cache of results that do not change between commands: the calibrated quantization and the
 * float and exact-int8 reference predictions of a (model, data, quantization). A {@link
 * org.axdse.simulator.cache.CacheKey} is the SHA-256 of everything a result depends on (file bytes, image bytes,
 * options, a format version), so a changed input can never find a stale entry. Every entry carries its key and the
 * SHA-256 of its body; an entry that does not verify is treated as missing and computed again, never used.
 */
package org.axdse.simulator.cache;
