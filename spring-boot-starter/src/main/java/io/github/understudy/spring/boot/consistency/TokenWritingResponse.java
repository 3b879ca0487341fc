package io.github.understudy.spring.boot.consistency;

import io.github.understudy.ConsistencySession;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Writes the session's token before the response is committed: when the application takes the body's stream or
 * writer, flushes, redirects or sends an error (each may commit it), and once more at the end of the request if
 * it is still not committed. Headers set after the commit would be lost.
 */
final class TokenWritingResponse extends HttpServletResponseWrapper {

    private final ConsistencySession session;
    private final TokenCarrier carrier;
    private final boolean secure;
    private String tokenInCookie;

    TokenWritingResponse(HttpServletResponse response, ConsistencySession session, TokenCarrier carrier,
            String receivedCookie, boolean secure) {
        super(response);
        this.session = session;
        this.carrier = carrier;
        this.tokenInCookie = receivedCookie;
        this.secure = secure;
    }

    /** Writes the current token, unless it is empty or the response is already committed. */
    void writeToken() {
        String token = session.token();
        if (token.isEmpty() || isCommitted()) {
            return;
        }
        boolean withCookie = !token.equals(tokenInCookie);
        carrier.write((HttpServletResponse) getResponse(), token, withCookie, secure);
        tokenInCookie = token;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        writeToken();
        return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        writeToken();
        return super.getWriter();
    }

    @Override
    public void flushBuffer() throws IOException {
        writeToken();
        super.flushBuffer();
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        writeToken();
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        writeToken();
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        writeToken();
        super.sendRedirect(location);
    }

    @Override
    public void sendRedirect(String location, int sc) throws IOException {
        writeToken();
        super.sendRedirect(location, sc);
    }

    @Override
    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        writeToken();
        super.sendRedirect(location, clearBuffer);
    }

    @Override
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        writeToken();
        super.sendRedirect(location, sc, clearBuffer);
    }
}
