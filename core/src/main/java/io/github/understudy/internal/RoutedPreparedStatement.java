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
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * A prepared statement of a {@link RoutingConnection}: as {@link RoutedStatement}, and each parameter's latest
 * value is kept (by index) for a re-run on another replica; a stream or a reader makes it never re-run.
 */
class RoutedPreparedStatement extends RoutedStatement implements PreparedStatement {

    RoutedPreparedStatement(ForwardingConnection owner, PreparedStatement target, Node node, ReadRerun rerun) {
        super(owner, target, node, rerun);
    }

    private PreparedStatement ps() {
        return (PreparedStatement) target;
    }

    /** Keeps a parameter's value for a re-run. */
    final void remember(Object key, ReadRerun.Setting<PreparedStatement> setting) {
        if (rerun != null) {
            rerun.parameter(key, setting);
        }
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        try {
            return results(ps().executeQuery());
        } catch (SQLException e) {
            rerunAfter(e);
            return results(ps().executeQuery());
        }
    }

    @Override
    public boolean execute() throws SQLException {
        try {
            return ps().execute();
        } catch (SQLException e) {
            rerunAfter(e);
            return ps().execute();
        }
    }

    @Override
    public int executeUpdate() throws SQLException {
        try {
            return ps().executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        try {
            return ps().executeLargeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void clearParameters() throws SQLException {
        if (rerun != null) {
            rerun.clearParameters();
        }
        ps().clearParameters();
    }

    @Override
    public void addBatch() throws SQLException {
        unreplayable();
        ps().addBatch();
    }

    @Override public ResultSetMetaData getMetaData() throws SQLException { return ps().getMetaData(); }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return ps().getParameterMetaData();
    }

    @Override
    public void setArray(int index, Array value) throws SQLException {
        remember(index, s -> s.setArray(index, value));
        ps().setArray(index, value);
    }

    @Override
    public void setAsciiStream(int index, InputStream value, int length) throws SQLException {
        unreplayable();
        ps().setAsciiStream(index, value, length);
    }

    @Override
    public void setAsciiStream(int index, InputStream value, long length) throws SQLException {
        unreplayable();
        ps().setAsciiStream(index, value, length);
    }

    @Override
    public void setAsciiStream(int index, InputStream value) throws SQLException {
        unreplayable();
        ps().setAsciiStream(index, value);
    }

    @Override
    public void setBigDecimal(int index, BigDecimal value) throws SQLException {
        remember(index, s -> s.setBigDecimal(index, value));
        ps().setBigDecimal(index, value);
    }

    @Override
    public void setBinaryStream(int index, InputStream value, int length) throws SQLException {
        unreplayable();
        ps().setBinaryStream(index, value, length);
    }

    @Override
    public void setBinaryStream(int index, InputStream value, long length) throws SQLException {
        unreplayable();
        ps().setBinaryStream(index, value, length);
    }

    @Override
    public void setBinaryStream(int index, InputStream value) throws SQLException {
        unreplayable();
        ps().setBinaryStream(index, value);
    }

    @Override
    public void setBlob(int index, InputStream value, long length) throws SQLException {
        unreplayable();
        ps().setBlob(index, value, length);
    }

    @Override
    public void setBlob(int index, InputStream value) throws SQLException {
        unreplayable();
        ps().setBlob(index, value);
    }

    @Override
    public void setBlob(int index, Blob value) throws SQLException {
        remember(index, s -> s.setBlob(index, value));
        ps().setBlob(index, value);
    }

    @Override
    public void setBoolean(int index, boolean value) throws SQLException {
        remember(index, s -> s.setBoolean(index, value));
        ps().setBoolean(index, value);
    }

    @Override
    public void setByte(int index, byte value) throws SQLException {
        remember(index, s -> s.setByte(index, value));
        ps().setByte(index, value);
    }

    @Override
    public void setBytes(int index, byte[] value) throws SQLException {
        remember(index, s -> s.setBytes(index, value));
        ps().setBytes(index, value);
    }

    @Override
    public void setCharacterStream(int index, Reader value, int length) throws SQLException {
        unreplayable();
        ps().setCharacterStream(index, value, length);
    }

    @Override
    public void setCharacterStream(int index, Reader value, long length) throws SQLException {
        unreplayable();
        ps().setCharacterStream(index, value, length);
    }

    @Override
    public void setCharacterStream(int index, Reader value) throws SQLException {
        unreplayable();
        ps().setCharacterStream(index, value);
    }

    @Override
    public void setClob(int index, Reader value, long length) throws SQLException {
        unreplayable();
        ps().setClob(index, value, length);
    }

    @Override
    public void setClob(int index, Reader value) throws SQLException {
        unreplayable();
        ps().setClob(index, value);
    }

    @Override
    public void setClob(int index, Clob value) throws SQLException {
        remember(index, s -> s.setClob(index, value));
        ps().setClob(index, value);
    }

    @Override
    public void setDate(int index, Date value, Calendar calendar) throws SQLException {
        remember(index, s -> s.setDate(index, value, calendar));
        ps().setDate(index, value, calendar);
    }

    @Override
    public void setDate(int index, Date value) throws SQLException {
        remember(index, s -> s.setDate(index, value));
        ps().setDate(index, value);
    }

    @Override
    public void setDouble(int index, double value) throws SQLException {
        remember(index, s -> s.setDouble(index, value));
        ps().setDouble(index, value);
    }

    @Override
    public void setFloat(int index, float value) throws SQLException {
        remember(index, s -> s.setFloat(index, value));
        ps().setFloat(index, value);
    }

    @Override
    public void setInt(int index, int value) throws SQLException {
        remember(index, s -> s.setInt(index, value));
        ps().setInt(index, value);
    }

    @Override
    public void setLong(int index, long value) throws SQLException {
        remember(index, s -> s.setLong(index, value));
        ps().setLong(index, value);
    }

    @Override
    public void setNCharacterStream(int index, Reader value, long length) throws SQLException {
        unreplayable();
        ps().setNCharacterStream(index, value, length);
    }

    @Override
    public void setNCharacterStream(int index, Reader value) throws SQLException {
        unreplayable();
        ps().setNCharacterStream(index, value);
    }

    @Override
    public void setNClob(int index, Reader value, long length) throws SQLException {
        unreplayable();
        ps().setNClob(index, value, length);
    }

    @Override
    public void setNClob(int index, Reader value) throws SQLException {
        unreplayable();
        ps().setNClob(index, value);
    }

    @Override
    public void setNClob(int index, NClob value) throws SQLException {
        remember(index, s -> s.setNClob(index, value));
        ps().setNClob(index, value);
    }

    @Override
    public void setNString(int index, String value) throws SQLException {
        remember(index, s -> s.setNString(index, value));
        ps().setNString(index, value);
    }

    @Override
    public void setNull(int index, int value, String typeName) throws SQLException {
        remember(index, s -> s.setNull(index, value, typeName));
        ps().setNull(index, value, typeName);
    }

    @Override
    public void setNull(int index, int value) throws SQLException {
        remember(index, s -> s.setNull(index, value));
        ps().setNull(index, value);
    }

    @Override
    public void setObject(int index, Object value, int length, int more3) throws SQLException {
        remember(index, s -> s.setObject(index, value, length, more3));
        ps().setObject(index, value, length, more3);
    }

    @Override
    public void setObject(int index, Object value, int length) throws SQLException {
        remember(index, s -> s.setObject(index, value, length));
        ps().setObject(index, value, length);
    }

    @Override
    public void setObject(int index, Object value, SQLType sqlType, int more3) throws SQLException {
        remember(index, s -> s.setObject(index, value, sqlType, more3));
        ps().setObject(index, value, sqlType, more3);
    }

    @Override
    public void setObject(int index, Object value, SQLType sqlType) throws SQLException {
        remember(index, s -> s.setObject(index, value, sqlType));
        ps().setObject(index, value, sqlType);
    }

    @Override
    public void setObject(int index, Object value) throws SQLException {
        remember(index, s -> s.setObject(index, value));
        ps().setObject(index, value);
    }

    @Override
    public void setRef(int index, Ref value) throws SQLException {
        remember(index, s -> s.setRef(index, value));
        ps().setRef(index, value);
    }

    @Override
    public void setRowId(int index, RowId value) throws SQLException {
        remember(index, s -> s.setRowId(index, value));
        ps().setRowId(index, value);
    }

    @Override
    public void setSQLXML(int index, SQLXML value) throws SQLException {
        remember(index, s -> s.setSQLXML(index, value));
        ps().setSQLXML(index, value);
    }

    @Override
    public void setShort(int index, short value) throws SQLException {
        remember(index, s -> s.setShort(index, value));
        ps().setShort(index, value);
    }

    @Override
    public void setString(int index, String value) throws SQLException {
        remember(index, s -> s.setString(index, value));
        ps().setString(index, value);
    }

    @Override
    public void setTime(int index, Time value, Calendar calendar) throws SQLException {
        remember(index, s -> s.setTime(index, value, calendar));
        ps().setTime(index, value, calendar);
    }

    @Override
    public void setTime(int index, Time value) throws SQLException {
        remember(index, s -> s.setTime(index, value));
        ps().setTime(index, value);
    }

    @Override
    public void setTimestamp(int index, Timestamp value, Calendar calendar) throws SQLException {
        remember(index, s -> s.setTimestamp(index, value, calendar));
        ps().setTimestamp(index, value, calendar);
    }

    @Override
    public void setTimestamp(int index, Timestamp value) throws SQLException {
        remember(index, s -> s.setTimestamp(index, value));
        ps().setTimestamp(index, value);
    }

    @Override
    public void setURL(int index, URL value) throws SQLException {
        remember(index, s -> s.setURL(index, value));
        ps().setURL(index, value);
    }

    @Override
    public void setUnicodeStream(int index, InputStream value, int length) throws SQLException {
        unreplayable();
        ps().setUnicodeStream(index, value, length);
    }
}
