package org.conflictkg.serve.linked;

import java.util.List;
import java.util.Locale;

/**
 * A small map drawn as inline SVG, needing no tile server: an equirectangular world with a
 * graticule every 30 degrees and the place as a dot, beside a close-up of the surrounding 20 by 12
 * degrees with its own graticule every 2 degrees and the nearby places the store knows.
 */
final class WorldMap {

    private WorldMap() {}

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
        double halfW = 10, halfH = 6, scale = 24; // 480 x 288 pixels
        double west = p.lon() - halfW, north = p.lat() + halfH;
        int w = (int) (2 * halfW * scale), ht = (int) (2 * halfH * scale);
        h.raw("<svg class=\"map\" role=\"img\" width=\"" + w + "\" height=\"" + ht + "\" viewBox=\"0 0 " + w + " " + ht
                + "\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"11\" font-family=\"sans-serif\">");
        h.open("title").text("Close-up of " + p.name() + " and nearby places").close("title");
        for (double lon = Math.ceil(west / 2) * 2; lon <= west + 2 * halfW; lon += 2) {
            double x = (lon - west) * scale;
            line(h, x, 0, x, ht, "#cfd8e2");
            h.raw(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#7d8da1\">%s</text>", x + 2, ht - 3, degrees(lon, "E", "W")));
        }
        for (double lat = Math.ceil((north - 2 * halfH) / 2) * 2; lat <= north; lat += 2) {
            double y = (north - lat) * scale;
            line(h, 0, y, w, y, "#cfd8e2");
            h.raw(String.format(Locale.ROOT, "<text x=\"2\" y=\"%.1f\" fill=\"#7d8da1\">%s</text>", y - 2, degrees(lat, "N", "S")));
        }
        for (Point n : nearby) {
            if (Math.abs(n.lon() - p.lon()) > halfW || Math.abs(n.lat() - p.lat()) > halfH || n.name().equals(p.name())) {
                continue;
            }
            double x = (n.lon() - west) * scale, y = (north - n.lat()) * scale;
            if (Html.linkable(n.href())) {
                h.open("a", "href", n.href());
            }
            h.raw(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#4a6785\"/>", x, y));
            h.raw(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#23303d\">", x + 5, y + 4)).text(n.name()).raw("</text>");
            if (Html.linkable(n.href())) {
                h.close("a");
            }
        }
        double x = halfW * scale, y = halfH * scale;
        h.raw(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"#d9480f\" stroke=\"#fff\" stroke-width=\"2\"/>", x, y));
        h.raw(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-weight=\"bold\" fill=\"#d9480f\">", x + 9, y + 4)).text(p.name()).raw("</text>");
        h.raw("</svg>");
    }

    private static String degrees(double v, String pos, String neg) {
        return String.format(Locale.ROOT, "%d°%s", Math.round(Math.abs(v)), v >= 0 ? pos : neg);
    }

    private static void line(Html h, double x1, double y1, double x2, double y2, String stroke) {
        h.raw(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>", x1, y1, x2, y2, stroke));
    }
}
