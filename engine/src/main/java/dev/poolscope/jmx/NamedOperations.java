package dev.poolscope.jmx;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.NotificationEmitter;
import javax.management.StandardEmitterMBean;
import javax.management.StandardMBean;

/**
 * Beans as registered: MXBeans whose operations' parameters carry the names written in their interface (a JMX
 * console shows {@code setWorkerRange(minWorkers, maxWorkers)} rather than the {@code p0, p1} that MXBean
 * introspection gives). The names come from the class files, which the build compiles with {@code -parameters}.
 */
final class NamedOperations {

    private NamedOperations() {
    }

    /** {@code bean} as an MXBean of {@code type}. */
    static <T> StandardMBean of(T bean, Class<T> type) {
        return new StandardMBean(bean, type, true) {
            @Override
            protected String getParameterName(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
                return name(type, op, sequence, super.getParameterName(op, param, sequence));
            }
        };
    }

    /** {@code bean} as an MXBean of {@code type} that sends {@code emitter}'s notifications. */
    static <T> StandardEmitterMBean emitting(T bean, Class<T> type, NotificationEmitter emitter) {
        return new StandardEmitterMBean(bean, type, true, emitter) {
            @Override
            protected String getParameterName(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
                return name(type, op, sequence, super.getParameterName(op, param, sequence));
            }
        };
    }

    /** The name of parameter {@code sequence} of {@code op} in {@code type}, or {@code fallback} if it has none. */
    static String name(Class<?> type, MBeanOperationInfo op, int sequence, String fallback) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(op.getName()) && m.getParameterCount() == op.getSignature().length) {
                Parameter p = m.getParameters()[sequence];
                return p.isNamePresent() ? p.getName() : fallback;
            }
        }
        return fallback;
    }
}
