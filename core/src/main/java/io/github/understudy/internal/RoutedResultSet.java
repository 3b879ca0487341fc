package io.github.understudy.internal;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A result set of a {@link RoutedStatement}: {@link #getStatement()} is that statement (and so leads back to the
 * routing connection, never to the pooled one behind it); everything else passes to the physical result set, one
 * delegation per line.
 */
final class RoutedResultSet extends ResultSetUpdates {

    private final RoutedStatement statement;
    RoutedResultSet(RoutedStatement statement, ResultSet target) {
        super(target);
        this.statement = statement;
    }

    @Override
    public Statement getStatement() {
        return statement;
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target.isWrapperFor(type);
    }

    @Override
    public String toString() {
        return "RoutedResultSet[" + target + "]";
    }

    @Override public boolean absolute(int column) throws SQLException { return target.absolute(column); }
    @Override public void afterLast() throws SQLException { target.afterLast(); }
    @Override public void beforeFirst() throws SQLException { target.beforeFirst(); }
    @Override public void clearWarnings() throws SQLException { target.clearWarnings(); }
    @Override public void close() throws SQLException { target.close(); }
    @Override public int findColumn(String label) throws SQLException { return target.findColumn(label); }
    @Override public boolean first() throws SQLException { return target.first(); }
    @Override public Array getArray(String label) throws SQLException { return target.getArray(label); }
    @Override public Array getArray(int column) throws SQLException { return target.getArray(column); }

    @Override
    public InputStream getAsciiStream(String label) throws SQLException {
        return target.getAsciiStream(label);
    }

    @Override
    public InputStream getAsciiStream(int column) throws SQLException {
        return target.getAsciiStream(column);
    }

    @Override
    public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
        return target.getBigDecimal(label, scale);
    }

    @Override
    public BigDecimal getBigDecimal(String label) throws SQLException {
        return target.getBigDecimal(label);
    }

    @Override
    public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
        return target.getBigDecimal(column, scale);
    }

    @Override
    public BigDecimal getBigDecimal(int column) throws SQLException {
        return target.getBigDecimal(column);
    }

    @Override
    public InputStream getBinaryStream(String label) throws SQLException {
        return target.getBinaryStream(label);
    }

    @Override
    public InputStream getBinaryStream(int column) throws SQLException {
        return target.getBinaryStream(column);
    }

    @Override public Blob getBlob(String label) throws SQLException { return target.getBlob(label); }
    @Override public Blob getBlob(int column) throws SQLException { return target.getBlob(column); }
    @Override public boolean getBoolean(String label) throws SQLException { return target.getBoolean(label); }
    @Override public boolean getBoolean(int column) throws SQLException { return target.getBoolean(column); }
    @Override public byte getByte(String label) throws SQLException { return target.getByte(label); }
    @Override public byte getByte(int column) throws SQLException { return target.getByte(column); }
    @Override public byte[] getBytes(String label) throws SQLException { return target.getBytes(label); }
    @Override public byte[] getBytes(int column) throws SQLException { return target.getBytes(column); }

    @Override
    public Reader getCharacterStream(String label) throws SQLException {
        return target.getCharacterStream(label);
    }

    @Override
    public Reader getCharacterStream(int column) throws SQLException {
        return target.getCharacterStream(column);
    }

    @Override public Clob getClob(String label) throws SQLException { return target.getClob(label); }
    @Override public Clob getClob(int column) throws SQLException { return target.getClob(column); }
    @Override public int getConcurrency() throws SQLException { return target.getConcurrency(); }
    @Override public String getCursorName() throws SQLException { return target.getCursorName(); }

    @Override
    public Date getDate(String label, Calendar calendar) throws SQLException {
        return target.getDate(label, calendar);
    }

    @Override public Date getDate(String label) throws SQLException { return target.getDate(label); }

    @Override
    public Date getDate(int column, Calendar calendar) throws SQLException {
        return target.getDate(column, calendar);
    }

    @Override public Date getDate(int column) throws SQLException { return target.getDate(column); }
    @Override public double getDouble(String label) throws SQLException { return target.getDouble(label); }
    @Override public double getDouble(int column) throws SQLException { return target.getDouble(column); }
    @Override public int getFetchDirection() throws SQLException { return target.getFetchDirection(); }
    @Override public int getFetchSize() throws SQLException { return target.getFetchSize(); }
    @Override public float getFloat(String label) throws SQLException { return target.getFloat(label); }
    @Override public float getFloat(int column) throws SQLException { return target.getFloat(column); }
    @Override public int getHoldability() throws SQLException { return target.getHoldability(); }
    @Override public int getInt(String label) throws SQLException { return target.getInt(label); }
    @Override public int getInt(int column) throws SQLException { return target.getInt(column); }
    @Override public long getLong(String label) throws SQLException { return target.getLong(label); }
    @Override public long getLong(int column) throws SQLException { return target.getLong(column); }
    @Override public ResultSetMetaData getMetaData() throws SQLException { return target.getMetaData(); }

    @Override
    public Reader getNCharacterStream(String label) throws SQLException {
        return target.getNCharacterStream(label);
    }

    @Override
    public Reader getNCharacterStream(int column) throws SQLException {
        return target.getNCharacterStream(column);
    }

    @Override public NClob getNClob(String label) throws SQLException { return target.getNClob(label); }
    @Override public NClob getNClob(int column) throws SQLException { return target.getNClob(column); }
    @Override public String getNString(String label) throws SQLException { return target.getNString(label); }
    @Override public String getNString(int column) throws SQLException { return target.getNString(column); }

    @Override
    public <T> T getObject(String label, Class<T> type) throws SQLException {
        return target.getObject(label, type);
    }

    @Override
    public Object getObject(String label, java.util.Map<String, Class<?>> map) throws SQLException {
        return target.getObject(label, map);
    }

    @Override public Object getObject(String label) throws SQLException { return target.getObject(label); }

    @Override
    public <T> T getObject(int column, Class<T> type) throws SQLException {
        return target.getObject(column, type);
    }

    @Override
    public Object getObject(int column, java.util.Map<String, Class<?>> map) throws SQLException {
        return target.getObject(column, map);
    }

    @Override public Object getObject(int column) throws SQLException { return target.getObject(column); }
    @Override public Ref getRef(String label) throws SQLException { return target.getRef(label); }
    @Override public Ref getRef(int column) throws SQLException { return target.getRef(column); }
    @Override public int getRow() throws SQLException { return target.getRow(); }
    @Override public RowId getRowId(String label) throws SQLException { return target.getRowId(label); }
    @Override public RowId getRowId(int column) throws SQLException { return target.getRowId(column); }
    @Override public SQLXML getSQLXML(String label) throws SQLException { return target.getSQLXML(label); }
    @Override public SQLXML getSQLXML(int column) throws SQLException { return target.getSQLXML(column); }
    @Override public short getShort(String label) throws SQLException { return target.getShort(label); }
    @Override public short getShort(int column) throws SQLException { return target.getShort(column); }
    @Override public String getString(String label) throws SQLException { return target.getString(label); }
    @Override public String getString(int column) throws SQLException { return target.getString(column); }

    @Override
    public Time getTime(String label, Calendar calendar) throws SQLException {
        return target.getTime(label, calendar);
    }

    @Override public Time getTime(String label) throws SQLException { return target.getTime(label); }

    @Override
    public Time getTime(int column, Calendar calendar) throws SQLException {
        return target.getTime(column, calendar);
    }

    @Override public Time getTime(int column) throws SQLException { return target.getTime(column); }

    @Override
    public Timestamp getTimestamp(String label, Calendar calendar) throws SQLException {
        return target.getTimestamp(label, calendar);
    }

    @Override public Timestamp getTimestamp(String label) throws SQLException { return target.getTimestamp(label); }

    @Override
    public Timestamp getTimestamp(int column, Calendar calendar) throws SQLException {
        return target.getTimestamp(column, calendar);
    }

    @Override public Timestamp getTimestamp(int column) throws SQLException { return target.getTimestamp(column); }
    @Override public int getType() throws SQLException { return target.getType(); }
    @Override public URL getURL(String label) throws SQLException { return target.getURL(label); }
    @Override public URL getURL(int column) throws SQLException { return target.getURL(column); }

    @Override
    public InputStream getUnicodeStream(String label) throws SQLException {
        return target.getUnicodeStream(label);
    }

    @Override
    public InputStream getUnicodeStream(int column) throws SQLException {
        return target.getUnicodeStream(column);
    }

    @Override public SQLWarning getWarnings() throws SQLException { return target.getWarnings(); }
    @Override public boolean isAfterLast() throws SQLException { return target.isAfterLast(); }
    @Override public boolean isBeforeFirst() throws SQLException { return target.isBeforeFirst(); }
    @Override public boolean isClosed() throws SQLException { return target.isClosed(); }
    @Override public boolean isFirst() throws SQLException { return target.isFirst(); }
    @Override public boolean isLast() throws SQLException { return target.isLast(); }
    @Override public boolean last() throws SQLException { return target.last(); }
    @Override public boolean next() throws SQLException { return target.next(); }
    @Override public boolean previous() throws SQLException { return target.previous(); }
    @Override public boolean relative(int column) throws SQLException { return target.relative(column); }
    @Override public void setFetchDirection(int column) throws SQLException { target.setFetchDirection(column); }
    @Override public void setFetchSize(int column) throws SQLException { target.setFetchSize(column); }
    @Override public boolean wasNull() throws SQLException { return target.wasNull(); }
}
