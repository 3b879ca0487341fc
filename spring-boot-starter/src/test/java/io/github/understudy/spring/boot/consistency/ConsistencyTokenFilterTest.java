package io.github.understudy.spring.boot.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.understudy.ConsistencySession;
import io.github.understudy.Understudy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The filter resumes the session from the request, binds it for the request, and sends the token back. */
class ConsistencyTokenFilterTest {

    private static final String HEADER = ConsistencyTokenFilter.DEFAULT_HEADER;
    private static final String TOKEN = "d:0-1-42";

    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders");
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final AtomicReference<ConsistencySession> bound = new AtomicReference<>();

    @AfterEach
    void nothingLeftBound() {
        assertThat(Understudy.currentSession()).isNull();
    }

    @Test
    void resumesTheSessionFromTheHeaderForTheWholeRequest() throws Exception {
        request.addHeader(HEADER, TOKEN);
        new ConsistencyTokenFilter(HEADER, null).doFilter(request, response, recordSession());

        assertThat(bound.get().token()).isEqualTo(TOKEN);
        assertThat(request.getAttribute(ConsistencyTokenFilter.SESSION_ATTRIBUTE)).isSameAs(bound.get());
        assertThat(response.getHeader(HEADER)).isEqualTo(TOKEN);
    }

    @Test
    void aRequestWithoutTokenGetsANewSessionAndNoHeader() throws Exception {
        new ConsistencyTokenFilter(HEADER, null).doFilter(request, response, recordSession());

        assertThat(bound.get()).isNotNull();
        assertThat(bound.get().wrote()).isFalse();
        assertThat(response.containsHeader(HEADER)).isFalse();
    }

    @Test
    void aTokenItDidNotMakeStartsANewSession() throws Exception {
        request.addHeader(HEADER, "not-a-token");
        new ConsistencyTokenFilter(HEADER, null).doFilter(request, response, recordSession());

        assertThat(bound.get().token()).isEmpty();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.containsHeader(HEADER)).isFalse();
    }

    @Test
    void writesTheTokenBeforeTheBodyCommitsTheResponse() throws Exception {
        request.addHeader(HEADER, TOKEN);
        new ConsistencyTokenFilter(HEADER, null).doFilter(request, response, (req, res) -> {
            res.getWriter().write("body");
            res.flushBuffer();
        });

        assertThat(response.isCommitted()).isTrue();
        assertThat(response.getHeader(HEADER)).isEqualTo(TOKEN);
        assertThat(response.getContentAsString()).isEqualTo("body");
    }

    @Test
    void writesTheTokenBeforeARedirectOrAnError() throws Exception {
        request.addHeader(HEADER, TOKEN);
        new ConsistencyTokenFilter(HEADER, null).doFilter(request, response, (req, res) ->
                ((HttpServletResponse) res).sendRedirect("/orders/1"));
        assertThat(response.getHeader(HEADER)).isEqualTo(TOKEN);

        MockHttpServletResponse error = new MockHttpServletResponse();
        new ConsistencyTokenFilter(HEADER, null).doFilter(request, error, (req, res) ->
                ((HttpServletResponse) res).sendError(409));
        assertThat(error.getHeader(HEADER)).isEqualTo(TOKEN);
    }

    @Test
    void readsTheCookieAndSetsItOnlyWhenTheClientLacksTheToken() throws Exception {
        request.setCookies(new Cookie("ryw", TOKEN));
        new ConsistencyTokenFilter("", "ryw").doFilter(request, response, recordSession());
        assertThat(bound.get().token()).isEqualTo(TOKEN);
        assertThat(response.getCookie("ryw")).isNull();
        assertThat(response.containsHeader(HEADER)).isFalse();

        MockHttpServletRequest newer = new MockHttpServletRequest("GET", "/orders");
        newer.addHeader(HEADER, "d:0-1-43");
        newer.setCookies(new Cookie("ryw", TOKEN));
        MockHttpServletResponse both = new MockHttpServletResponse();
        new ConsistencyTokenFilter(HEADER, "ryw").doFilter(newer, both, recordSession());
        assertThat(both.getHeader(HEADER)).isEqualTo("d:0-1-43");
        Cookie cookie = both.getCookie("ryw");
        assertThat(cookie.getValue()).isEqualTo("d:0-1-43");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getPath()).isEqualTo("/");
    }

    @Test
    void unbindsTheSessionWhenTheRequestFails() {
        request.addHeader(HEADER, TOKEN);
        assertThatExceptionOfType(ServletException.class).isThrownBy(() -> new ConsistencyTokenFilter(HEADER, null)
                .doFilter(request, response, (req, res) -> {
                    throw new ServletException("boom");
                }));
        assertThat(response.getHeader(HEADER)).isEqualTo(TOKEN);
    }

    private FilterChain recordSession() {
        return (req, res) -> {
            bound.set(Understudy.currentSession());
            if (bound.get() == null) {
                throw new IOException("no session bound during the request");
            }
        };
    }
}
