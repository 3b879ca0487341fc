package io.github.understudy.internal;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * The IN parameters by name of a {@link RoutedCallableStatement}: each one's latest value is kept for a re-run on
 * another replica, as {@link RoutedPreparedStatement} keeps those by index.
 */
abstract class CallableInParameters extends RoutedPreparedStatement implements CallableStatement {

    CallableInParameters(ForwardingConnection owner, CallableStatement target, Node node, ReadRerun rerun) {
        super(owner, target, node, rerun);
    }

    final CallableStatement call() {
        return (CallableStatement) target;
    }

    /** Keeps a parameter's value, or an OUT registration, for a re-run. */
    final void rememberCall(Object key, ReadRerun.Setting<CallableStatement> setting) {
        if (rerun == null) {
            return;
        }
        if (key instanceof String) {
            rerun.parameter(key, setting);
        } else {
            rerun.option(key, setting);
        }
    }

    @Override
    public void setAsciiStream(String name, InputStream value, int length) throws SQLException {
        unreplayable();
        call().setAsciiStream(name, value, length);
    }

    @Override
    public void setAsciiStream(String name, InputStream value, long length) throws SQLException {
        unreplayable();
        call().setAsciiStream(name, value, length);
    }

    @Override
    public void setAsciiStream(String name, InputStream value) throws SQLException {
        unreplayable();
        call().setAsciiStream(name, value);
    }

    @Override
    public void setBigDecimal(String name, BigDecimal value) throws SQLException {
        rememberCall(name, s -> s.setBigDecimal(name, value));
        call().setBigDecimal(name, value);
    }

    @Override
    public void setBinaryStream(String name, InputStream value, int length) throws SQLException {
        unreplayable();
        call().setBinaryStream(name, value, length);
    }

    @Override
    public void setBinaryStream(String name, InputStream value, long length) throws SQLException {
        unreplayable();
        call().setBinaryStream(name, value, length);
    }

    @Override
    public void setBinaryStream(String name, InputStream value) throws SQLException {
        unreplayable();
        call().setBinaryStream(name, value);
    }

    @Override
    public void setBlob(String name, InputStream value, long length) throws SQLException {
        unreplayable();
        call().setBlob(name, value, length);
    }

    @Override
    public void setBlob(String name, InputStream value) throws SQLException {
        unreplayable();
        call().setBlob(name, value);
    }

    @Override
    public void setBlob(String name, Blob value) throws SQLException {
        rememberCall(name, s -> s.setBlob(name, value));
        call().setBlob(name, value);
    }

    @Override
    public void setBoolean(String name, boolean value) throws SQLException {
        rememberCall(name, s -> s.setBoolean(name, value));
        call().setBoolean(name, value);
    }

    @Override
    public void setByte(String name, byte value) throws SQLException {
        rememberCall(name, s -> s.setByte(name, value));
        call().setByte(name, value);
    }

    @Override
    public void setBytes(String name, byte[] value) throws SQLException {
        rememberCall(name, s -> s.setBytes(name, value));
        call().setBytes(name, value);
    }

    @Override
    public void setCharacterStream(String name, Reader value, int length) throws SQLException {
        unreplayable();
        call().setCharacterStream(name, value, length);
    }

    @Override
    public void setCharacterStream(String name, Reader value, long length) throws SQLException {
        unreplayable();
        call().setCharacterStream(name, value, length);
    }

    @Override
    public void setCharacterStream(String name, Reader value) throws SQLException {
        unreplayable();
        call().setCharacterStream(name, value);
    }

    @Override
    public void setClob(String name, Reader value, long length) throws SQLException {
        unreplayable();
        call().setClob(name, value, length);
    }

    @Override
    public void setClob(String name, Reader value) throws SQLException {
        unreplayable();
        call().setClob(name, value);
    }

    @Override
    public void setClob(String name, Clob value) throws SQLException {
        rememberCall(name, s -> s.setClob(name, value));
        call().setClob(name, value);
    }

    @Override
    public void setDate(String name, Date value, Calendar calendar) throws SQLException {
        rememberCall(name, s -> s.setDate(name, value, calendar));
        call().setDate(name, value, calendar);
    }

    @Override
    public void setDate(String name, Date value) throws SQLException {
        rememberCall(name, s -> s.setDate(name, value));
        call().setDate(name, value);
    }

    @Override
    public void setDouble(String name, double value) throws SQLException {
        rememberCall(name, s -> s.setDouble(name, value));
        call().setDouble(name, value);
    }

    @Override
    public void setFloat(String name, float value) throws SQLException {
        rememberCall(name, s -> s.setFloat(name, value));
        call().setFloat(name, value);
    }

    @Override
    public void setInt(String name, int value) throws SQLException {
        rememberCall(name, s -> s.setInt(name, value));
        call().setInt(name, value);
    }

    @Override
    public void setLong(String name, long value) throws SQLException {
        rememberCall(name, s -> s.setLong(name, value));
        call().setLong(name, value);
    }

    @Override
    public void setNCharacterStream(String name, Reader value, long length) throws SQLException {
        unreplayable();
        call().setNCharacterStream(name, value, length);
    }

    @Override
    public void setNCharacterStream(String name, Reader value) throws SQLException {
        unreplayable();
        call().setNCharacterStream(name, value);
    }

    @Override
    public void setNClob(String name, Reader value, long length) throws SQLException {
        unreplayable();
        call().setNClob(name, value, length);
    }

    @Override
    public void setNClob(String name, Reader value) throws SQLException {
        unreplayable();
        call().setNClob(name, value);
    }

    @Override
    public void setNClob(String name, NClob value) throws SQLException {
        rememberCall(name, s -> s.setNClob(name, value));
        call().setNClob(name, value);
    }

    @Override
    public void setNString(String name, String value) throws SQLException {
        rememberCall(name, s -> s.setNString(name, value));
        call().setNString(name, value);
    }

    @Override
    public void setNull(String name, int value, String typeName) throws SQLException {
        rememberCall(name, s -> s.setNull(name, value, typeName));
        call().setNull(name, value, typeName);
    }

    @Override
    public void setNull(String name, int value) throws SQLException {
        rememberCall(name, s -> s.setNull(name, value));
        call().setNull(name, value);
    }

    @Override
    public void setObject(String name, Object value, int length, int more3) throws SQLException {
        rememberCall(name, s -> s.setObject(name, value, length, more3));
        call().setObject(name, value, length, more3);
    }

    @Override
    public void setObject(String name, Object value, int length) throws SQLException {
        rememberCall(name, s -> s.setObject(name, value, length));
        call().setObject(name, value, length);
    }

    @Override
    public void setObject(String name, Object value, SQLType sqlType, int more3) throws SQLException {
        rememberCall(name, s -> s.setObject(name, value, sqlType, more3));
        call().setObject(name, value, sqlType, more3);
    }

    @Override
    public void setObject(String name, Object value, SQLType sqlType) throws SQLException {
        rememberCall(name, s -> s.setObject(name, value, sqlType));
        call().setObject(name, value, sqlType);
    }

    @Override
    public void setObject(String name, Object value) throws SQLException {
        rememberCall(name, s -> s.setObject(name, value));
        call().setObject(name, value);
    }

    @Override
    public void setRowId(String name, RowId value) throws SQLException {
        rememberCall(name, s -> s.setRowId(name, value));
        call().setRowId(name, value);
    }

    @Override
    public void setSQLXML(String name, SQLXML value) throws SQLException {
        rememberCall(name, s -> s.setSQLXML(name, value));
        call().setSQLXML(name, value);
    }

    @Override
    public void setShort(String name, short value) throws SQLException {
        rememberCall(name, s -> s.setShort(name, value));
        call().setShort(name, value);
    }

    @Override
    public void setString(String name, String value) throws SQLException {
        rememberCall(name, s -> s.setString(name, value));
        call().setString(name, value);
    }

    @Override
    public void setTime(String name, Time value, Calendar calendar) throws SQLException {
        rememberCall(name, s -> s.setTime(name, value, calendar));
        call().setTime(name, value, calendar);
    }

    @Override
    public void setTime(String name, Time value) throws SQLException {
        rememberCall(name, s -> s.setTime(name, value));
        call().setTime(name, value);
    }

    @Override
    public void setTimestamp(String name, Timestamp value, Calendar calendar) throws SQLException {
        rememberCall(name, s -> s.setTimestamp(name, value, calendar));
        call().setTimestamp(name, value, calendar);
    }

    @Override
    public void setTimestamp(String name, Timestamp value) throws SQLException {
        rememberCall(name, s -> s.setTimestamp(name, value));
        call().setTimestamp(name, value);
    }

    @Override
    public void setURL(String name, URL value) throws SQLException {
        rememberCall(name, s -> s.setURL(name, value));
        call().setURL(name, value);
    }
}
