package io.github.understudy.spring.boot.autoconfigure.consistency;

import io.github.understudy.spring.boot.consistency.ConsistencyTokenFilter;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code understudy.web.consistency-token.*} settings of the {@link ConsistencyTokenFilter}, which carries a
 * read-your-writes session across HTTP requests.
 */
@ConfigurationProperties("understudy.web.consistency-token")
public class UnderstudyConsistencyTokenProperties {

    /** Whether to carry read-your-writes sessions across HTTP requests in a token (servlet applications). */
    private boolean enabled;

    /** Request and response header that carries the token; empty for none. */
    private String header = "X-Understudy-Consistency";

    /** Cookie that carries the token, besides or instead of the header; unset for none. */
    private String cookie;

    /**
     * Order of the filter among the servlet filters. The default runs it before Spring Security's (-100), so that
     * the whole request is in the session.
     */
    private int filterOrder = -110;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getHeader() {
        return header;
    }

    public void setHeader(String header) {
        this.header = header;
    }

    public String getCookie() {
        return cookie;
    }

    public void setCookie(String cookie) {
        this.cookie = cookie;
    }

    public int getFilterOrder() {
        return filterOrder;
    }

    public void setFilterOrder(int filterOrder) {
        this.filterOrder = filterOrder;
    }
}
