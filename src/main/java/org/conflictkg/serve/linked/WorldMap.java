package org.conflictkg.serve.linked;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small map drawn as inline SVG, needing no tile server: an equirectangular world with country
 * outlines (Natural Earth 1:110m, bundled and served by this server at {@link #OUTLINE}), a
 * graticule every 30 degrees and the place as a dot, beside a close-up of the surrounding 6 by 3.6
 * degrees with a graticule every degree and the nearby places the store knows, labelled where
 * their labels do not overlap.
 */
final class WorldMap {

    /** The country outlines as an SVG image of 360 by 180 units, longitude + 180 by 90 - latitude. */
    static final String OUTLINE = "/assets/countries-110m.svg";
    private static final String OUTLINE_RESOURCE = "serve/countries-110m.svgpath";
    private static volatile byte[] outlineSvg;

    private WorldMap() {}

    /** The outline image, built once from the bundled path. */
    static byte[] outlineSvg() {
        byte[] svg = outlineSvg;
        if (svg == null) {
            try (var in = WorldMap.class.getClassLoader().getResourceAsStream(OUTLINE_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(OUTLINE_RESOURCE + " is missing from the classpath");
                }
                String d = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
                svg = ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 360 180\" width=\"360\" height=\"180\">"
                        + "<path fill=\"#dfe5ec\" stroke=\"#ffffff\" stroke-width=\"1\" vector-effect=\"non-scaling-stroke\" d=\"" + d + "\"/></svg>\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                outlineSvg = svg;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return svg;
    }

    /** A place to draw: a name and WGS84 coordinates. */
    record Point(String name, double lat, double lon, String href) {}

    static void draw(Html h, Point place, List<Point> nearby) {
        world(h, place);
        closeUp(h, place, nearby);
    }

    private static void world(Html h, Point p) {
        int w = 360, ht = 180;
        h.raw("<svg class=\"map\" role=\"img\" width=\"360\" height=\"180\" viewBox=\"0 0 360 180\" xmlns=\"http://www.w3.org/2000/svg\">");
        h.open("title").text("World position of " + p.name()).close("title");
        h.raw("<image href=\"" + OUTLINE + "\" x=\"0\" y=\"0\" width=\"360\" height=\"180\"/>");
        for (int lon = -180; lon <= 180; lon += 30) {
            line(h, lon + 180, 0, lon + 180, ht, lon == 0 ? "#9fb3c8" : "#cfd8e2");
        }
        for (int lat = -90; lat <= 90; lat += 30) {
            line(h, 0, 90 - lat, w, 90 - lat, lat == 0 ? "#9fb3c8" : "#cfd8e2");
        }
        double x = p.lon() + 180, y = 90 - p.lat();
        h.raw(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"4\" fill=\"#d9480f\" stroke=\"#fff\"/>", x, y));
        h.raw("</svg> ");
    }

    private static void closeUp(Html h, Point p, List<Point> nearby) {
        double halfW = 3, halfH = 1.8, scale = 80; // 480 x 288 pixels
        double west = p.lon() - halfW, north = p.lat() + halfH;
        int w = (int) (2 * halfW * scale), ht = (int) (2 * halfH * scale);
        h.raw("<svg class=\"map\" role=\"img\" width=\"" + w + "\" height=\"" + ht + "\" viewBox=\"0 0 " + w + " " + ht
                + "\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"11\" font-family=\"sans-serif\">");
        h.open("title").text("Close-up of " + p.name() + " and nearby places").close("title");
        h.raw(String.format(Locale.ROOT, "<image href=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" preserveAspectRatio=\"none\"/>",
                OUTLINE, -(west + 180) * scale, -(90 - north) * scale, 360 * scale, 180 * scale));
        for (double lon = Math.ceil(west); lon <= west + 2 * halfW; lon += 1) {
            double x = (lon - west) * scale;
            line(h, x, 0, x, ht, "#cfd8e2");
            h.raw(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#7d8da1\">%s</text>", x + 2, ht - 3, degrees(lon, "E", "W")));
        }
        for (double lat = Math.ceil(north - 2 * halfH); lat <= north; lat += 1) {
            double y = (north - lat) * scale;
            line(h, 0, y, w, y, "#cfd8e2");
            h.raw(String.format(Locale.ROOT, "<text x=\"2\" y=\"%.1f\" fill=\"#7d8da1\">%s</text>", y - 2, degrees(lat, "N", "S")));
        }
        double cx = halfW * scale, cy = halfH * scale;
        List<double[]> taken = new ArrayList<>();
        taken.add(new double[] {cx + 9, cy - 8, cx + 9 + 7 * p.name().length(), cy + 6});
        for (Point n : nearby) {
            if (Math.abs(n.lon() - p.lon()) > halfW || Math.abs(n.lat() - p.lat()) > halfH || n.name().equals(p.name())) {
                continue;
            }
            double x = (n.lon() - west) * scale, y = (north - n.lat()) * scale;
            if (Html.linkable(n.href())) {
                h.open("a", "href", n.href());
            }
            h.raw(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#4a6785\"/>", x, y));
            double[] box = {x + 5, y - 7, x + 5 + 6.5 * n.name().length(), y + 5};
            if (taken.stream().noneMatch(t -> box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3])) {
                taken.add(box);
                h.raw(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#23303d\">", x + 5, y + 4)).text(n.name()).raw("</text>");
            } else {
                h.open("title").text(n.name()).close("title");
            }
            if (Html.linkable(n.href())) {
                h.close("a");
            }
        }
        h.raw(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"#d9480f\" stroke=\"#fff\" stroke-width=\"2\"/>", cx, cy));
        h.raw(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-weight=\"bold\" fill=\"#d9480f\">", cx + 9, cy + 4)).text(p.name()).raw("</text>");
        h.raw("</svg>");
    }

    private static String degrees(double v, String pos, String neg) {
        return String.format(Locale.ROOT, "%d°%s", Math.round(Math.abs(v)), v >= 0 ? pos : neg);
    }

    private static void line(Html h, double x1, double y1, double x2, double y2, String stroke) {
        h.raw(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>", x1, y1, x2, y2, stroke));
    }
}
