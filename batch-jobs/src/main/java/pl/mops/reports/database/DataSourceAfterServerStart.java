package pl.mops.reports.database;

import javax.sql.DataSource;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.stereotype.Component;

/**
 * A datasource is handed out only once the embedded server started in the background is ready ({@link ServerStart},
 * registered by the launcher when it starts one; otherwise — an external database, a reader of another process's
 * server, a test — there is nothing to wait for).
 */
@Component
class DataSourceAfterServerStart implements BeanPostProcessor, PriorityOrdered, BeanFactoryAware {

    private ObjectProvider<ServerStart> start;

    /** made with the first post-processors, before constructor injection exists: the server's start comes later */
    DataSourceAfterServerStart() {
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        start = beanFactory.getBeanProvider(ServerStart.class);
    }

    /** registered before the other post-processors: none of them can have a datasource made before this one applies */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource) {
            start.ifAvailable(ServerStart::awaitReady);
        }
        return bean;
    }
}
