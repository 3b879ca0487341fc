package io.github.understudy.spring.boot.consistency;

import io.github.understudy.ConsistencySession;
import io.github.understudy.Understudy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Carries a read-your-writes session across HTTP requests: resumes it from the token the client sends (a request
 * header, or a cookie), binds it to the request's thread for the whole request ({@link Understudy#bind}), and
 * sends the token back, covering the request's writes. A client that sends the last token it received reads its
 * own writes on the next request, on any instance of the application.
 *
 * <p>Whether reads honour the session is the mode's business: {@code understudy.consistency=read-your-writes}, or
 * {@link Consistent @Consistent(READ_YOUR_WRITES)} on the reads that need it. Writes are recorded in any mode.
 *
 * <p>The session is also a request attribute, {@link #SESSION_ATTRIBUTE}: its {@link ConsistencySession#token()}
 * is always current (a view can put it in a link or a form), and work handed to another thread (async request
 * processing) can bind it there with {@link Understudy#bind}.
 *
 * <p>The token is written when the application starts writing the body (or flushes, redirects or sends an
 * error), else at the end of the request, and only when it is not empty; a committed response cannot take a header
 * any more, so writes made after the body started (streaming) are not in the token sent. A token the application
 * did not make is ignored (logged at DEBUG): the request starts a new session.
 */
public class ConsistencyTokenFilter extends OncePerRequestFilter {

    /** The request attribute holding the request's {@link ConsistencySession}. */
    public static final String SESSION_ATTRIBUTE = ConsistencyTokenFilter.class.getName() + ".SESSION";

    /** The header that carries the token by default. */
    public static final String DEFAULT_HEADER = "X-Understudy-Consistency";

    private static final Logger LOG = LoggerFactory.getLogger(ConsistencyTokenFilter.class);

    private final TokenCarrier carrier;

    /**
     * @param header the request and response header that carries the token; null or empty for none
     * @param cookie the cookie that carries the token; null or empty for none
     */
    public ConsistencyTokenFilter(String header, String cookie) {
        this.carrier = new TokenCarrier(header, cookie);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsistencySession session = resume(carrier.read(request));
        request.setAttribute(SESSION_ATTRIBUTE, session);
        TokenWritingResponse tokenWriting = new TokenWritingResponse(response, session, carrier,
                carrier.cookieValue(request), request.isSecure());
        try (Understudy.Scope scope = Understudy.bind(session)) {
            chain.doFilter(request, tokenWriting);
        } finally {
            tokenWriting.writeToken();
        }
    }

    private static ConsistencySession resume(String token) {
        try {
            return ConsistencySession.fromToken(token);
        } catch (IllegalArgumentException e) {
            LOG.debug("Ignoring a consistency token that Understudy did not make: {}", e.getMessage());
            return ConsistencySession.create();
        }
    }
}
