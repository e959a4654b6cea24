package org.conflictkg.extract;

import java.util.Objects;

/**
 * One known entity: an actor from the curated list or a place from GeoNames.
 *
 * @param key the entity's IRI path under the base, such as {@code id/actor/islamic-state} or
 *     {@code id/place/raqqa-163345}
 * @param kind what it is
 * @param name its preferred name
 * @param geonamesId GeoNames id for places, or null
 * @param lat latitude for places, or NaN
 * @param lon longitude for places, or NaN
 * @param countryCode ISO 3166-1 alpha-2, or null
 * @param population population for places, or 0
 * @param featureCode GeoNames class and code such as {@code P.PPLA}, or null
 * @param admin1 GeoNames' first-level administrative code within the country ({@code 04} for
 *     SY.04, the Raqqa governorate), or null; with the country code it names the province
 *     the place lies in
 */
public record GazetteerEntry(
        String key, EntityKind kind, String name, String geonamesId, double lat, double lon,
        String countryCode, long population, String featureCode, String admin1) {

    public GazetteerEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (key.isBlank() || key.startsWith("/") || key.contains(" ")) {
            throw new IllegalArgumentException("Illegal entity key '" + key + "': a relative IRI path without spaces");
        }
        if (admin1 != null && (admin1.isBlank() || countryCode == null)) {
            throw new IllegalArgumentException("Illegal admin1 '" + admin1 + "' of " + key
                    + ": an admin1 code is non-blank and only means something within a country code");
        }
    }

    /** A place or actor without an admin1 code. */
    public GazetteerEntry(String key, EntityKind kind, String name, String geonamesId, double lat, double lon,
                          String countryCode, long population, String featureCode) {
        this(key, kind, name, geonamesId, lat, lon, countryCode, population, featureCode, null);
    }

    public static GazetteerEntry actor(String key, EntityKind kind, String name, String countryCode) {
        return new GazetteerEntry(key, kind, name, null, Double.NaN, Double.NaN, countryCode, 0, null);
    }

    public boolean hasCoordinates() {
        return !Double.isNaN(lat) && !Double.isNaN(lon);
    }
}
