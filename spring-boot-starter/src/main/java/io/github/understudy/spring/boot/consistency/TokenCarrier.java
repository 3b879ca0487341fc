package io.github.understudy.spring.boot.consistency;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where a consistency token travels: a header, a cookie, or both (null for none).
 *
 * @param header the request and response header, or null
 * @param cookie the cookie's name, or null
 */
record TokenCarrier(String header, String cookie) {

    TokenCarrier {
        header = header == null || header.isBlank() ? null : header.strip();
        cookie = cookie == null || cookie.isBlank() ? null : cookie.strip();
    }

    /** {@return the token the request carries, from the header, else the cookie; "" when none} */
    String read(HttpServletRequest request) {
        String token = header == null ? null : request.getHeader(header);
        return token == null || token.isBlank() ? cookieValue(request) : token.strip();
    }

    /** {@return the token in the request's cookie; "" when none} */
    String cookieValue(HttpServletRequest request) {
        if (cookie != null && request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (cookie.equals(c.getName()) && c.getValue() != null) {
                    return c.getValue().strip();
                }
            }
        }
        return "";
    }

    /**
     * Puts the token on a response that is not committed yet: in the header, and in the cookie when asked.
     *
     * @param withCookie whether to set the cookie (the client does not have this token in it yet)
     * @param secure whether the cookie may travel over HTTPS only
     */
    void write(HttpServletResponse response, String token, boolean withCookie, boolean secure) {
        if (header != null) {
            response.setHeader(header, token);
        }
        if (cookie != null && withCookie) {
            Cookie c = new Cookie(cookie, token);
            c.setPath("/");
            c.setHttpOnly(true);
            c.setSecure(secure);
            c.setAttribute("SameSite", "Lax");
            response.addCookie(c);
        }
    }
}
