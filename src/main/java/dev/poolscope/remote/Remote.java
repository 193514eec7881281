package dev.poolscope.remote;

import java.lang.reflect.UndeclaredThrowableException;

import javax.management.MBeanException;
import javax.management.ReflectionException;
import javax.management.RuntimeMBeanException;
import javax.management.RuntimeOperationsException;

/** How remote failures read: JMX wraps a pool's own refusal in layers; the user sees the innermost message. */
final class Remote {

    private Remote() {
    }

    /** The failure inside JMX's and proxies' wrappers. */
    static Throwable unwrap(Throwable t) {
        Throwable inner = t;
        while (true) {
            Throwable next = inner instanceof RuntimeMBeanException r ? r.getTargetException()
                    : inner instanceof MBeanException m ? m.getTargetException()
                    : inner instanceof ReflectionException r ? r.getTargetException()
                    : inner instanceof RuntimeOperationsException r ? r.getTargetException()
                    : inner instanceof UndeclaredThrowableException u ? u.getUndeclaredThrowable()
                    : null;
            if (next == null || next == inner) {
                return inner;
            }
            inner = next;
        }
    }

    /** The innermost message, or the failure's class when it has none. */
    static String reason(Throwable t) {
        Throwable inner = unwrap(t);
        return inner.getMessage() != null ? inner.getMessage() : inner.getClass().getSimpleName();
    }
}
