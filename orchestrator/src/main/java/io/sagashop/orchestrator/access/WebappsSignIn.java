package io.sagashop.orchestrator.access;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Sellers and operators sign into Cockpit, Tasklist and Admin with the shop's identity provider
 * (OpenID Connect, authorization code), as customers sign into the page: one password per person,
 * kept by the provider, and the groups {@code sellers} and {@code camunda-admin} from their token.
 *
 * <p>Camunda's starter {@code camunda-bpm-spring-boot-starter-security} does the same, but it is
 * not on Maven Central, and its filter chain claims every path of the application (the saga's
 * endpoints here are a stateless resource server). So this chain covers the webapps and the sign-in
 * callback only, with a session (the webapps are a browser application with their own CSRF
 * protection), and Camunda's container-based authentication takes the person from it
 * ({@link SignedInStaff}).
 */
@Configuration(proxyBeanMethods = false)
class WebappsSignIn {

  static final String REGISTRATION = "webapps";
  private static final String SIGN_IN = "/oauth2/authorization/" + REGISTRATION;
  private static final Logger log = LoggerFactory.getLogger(WebappsSignIn.class);

  @Bean
  @Order(1)
  SecurityFilterChain webappsSecurity(HttpSecurity http, StaffMirror staff, ClientRegistrationRepository registrations) throws Exception {
    var backToThePageAsked = new SavedRequestAwareAuthenticationSuccessHandler();
    var refused = new SimpleUrlAuthenticationFailureHandler();
    // Path patterns on the whole request path: Camunda's /camunda/api/* and /engine-rest/* are
    // Jersey servlets, which Spring MVC's matchers (the default for plain strings) do not see.
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(new OrRequestMatcher(path.matcher("/camunda/**"), path.matcher("/oauth2/authorization/**"), path.matcher("/login/oauth2/code/**")))
        .authorizeHttpRequests(requests -> requests
            // Camunda's own login form checks Camunda passwords (which it would lock after ten
            // wrong ones), and its setup page creates a first administrator while none has signed
            // in yet: neither has a use when the identity provider signs people in.
            .requestMatchers(path.matcher("/camunda/api/admin/auth/user/*/login/**"), path.matcher("/camunda/api/admin/setup/**")).denyAll()
            .requestMatchers(path.matcher("/camunda/app/**"), path.matcher("/camunda/api/**")).authenticated()
            // the webapps' static files and the index that redirects to them
            .anyRequest().permitAll())
        // the webapps' script calls /camunda/api: 401 there (it shows its own message), while a page
        // opened in the browser goes to the sign-in
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), path.matcher("/camunda/api/**"))
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN), AnyRequestMatcher.INSTANCE))
        .oauth2Login(login -> login
            .loginPage(SIGN_IN)
            .successHandler((request, response, authentication) -> {
              OidcUser person = (OidcUser) authentication.getPrincipal();
              List<String> groups = StaffGroups.of(person.getIdToken());
              if (!groups.isEmpty()) {
                staff.mirror(person.getSubject(), person.getGivenName(), person.getFamilyName(), groups);
              }
              backToThePageAsked.onAuthenticationSuccess(request, response, authentication);
            })
            // a refused sign-in answers 401 instead of starting the sign-in again, forever
            .failureHandler((request, response, failure) -> {
              log.warn("A sign-in into the webapps failed: {}", failure.getMessage());
              refused.onAuthenticationFailure(request, response, failure);
            }))
        // Camunda's "Log out" leads here (sagashop/sign-out.js): the session ends, and the provider's too
        .logout(logout -> logout
            .logoutRequestMatcher(path.matcher(HttpMethod.POST, WebappsSignOut.PATH))
            .logoutSuccessHandler(new WebappsSignOut(registrations)))
        // nobody is anonymous in the webapps: Camunda must never see a half-signed-in person
        .anonymous(AbstractHttpConfigurer::disable)
        // the webapps send Camunda's own CSRF token (X-XSRF-TOKEN), checked by its CsrfPreventionFilter
        .csrf(AbstractHttpConfigurer::disable);
    return http.build();
  }

  /** Puts the person signed in above into the session Cockpit, Tasklist and Admin read. */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappsAuthenticationFilter(CamundaBpmProperties camunda) {
    var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("webapps-authentication");
    String webapps = camunda.getWebapp().getApplicationPath();
    registration.addUrlPatterns(webapps + "/app/*", webapps + "/api/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, SignedInStaff.class.getName());
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    // after Spring Security's filters, which have signed the person in
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }
}
