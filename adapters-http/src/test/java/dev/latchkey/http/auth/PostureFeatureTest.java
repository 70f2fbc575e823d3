package dev.latchkey.http.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import dev.latchkey.domain.auth.AuthenticateRequest;
import dev.latchkey.domain.auth.AuthenticationListener;
import dev.latchkey.domain.route.DecideAccess;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostureFeatureTest {
    private final PostureFeature feature = new PostureFeature(
            DecideAccess.forOwnApi(
                    new AuthenticateRequest(List.of(), AuthenticationListener.NONE), null, Optional.empty()),
            new AuthMetrics(new MetricRegistry()));

    static final class Resource {
        @GET
        public String forgotten() {
            return "oops";
        }

        @GET
        @Public
        public String open() {
            return "ok";
        }

        @GET
        @Authenticated(scopes = "records:read")
        public String guarded() {
            return "ok";
        }

        @GET
        @Public
        @Authenticated
        public String confused() {
            return "?";
        }
    }

    private static ResourceInfo info(String methodName) throws NoSuchMethodException {
        Method method = Resource.class.getMethod(methodName);
        return new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return method;
            }

            @Override
            public Class<?> getResourceClass() {
                return Resource.class;
            }
        };
    }

    private static FeatureContext context() {
        return (FeatureContext) Proxy.newProxyInstance(
                FeatureContext.class.getClassLoader(),
                new Class<?>[] {FeatureContext.class},
                (proxy, method, args) -> proxy);
    }

    @Test
    void configureWhenMethodDeclaresNoPostureThenRefusesToStart() {
        assertThatThrownBy(() -> feature.configure(info("forgotten"), context()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Resource#forgotten");
    }

    @Test
    void configureWhenMethodDeclaresBothPosturesThenRefusesToStart() {
        assertThatThrownBy(() -> feature.configure(info("confused"), context()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void configureAcceptsPublicAndAuthenticatedMethods() {
        assertThatCode(() -> feature.configure(info("open"), context())).doesNotThrowAnyException();
        assertThatCode(() -> feature.configure(info("guarded"), context())).doesNotThrowAnyException();
    }
}
