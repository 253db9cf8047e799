package io.sagashop.identity.signin;

import io.sagashop.identity.IdentityProperties;
import java.util.List;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Two filter chains, as Spring Authorization Server sets them up: its protocol endpoints
 * (authorize, token, JWKS, discovery, user info, logout), and the pages people use to register
 * and sign in. The page's script talks to the protocol endpoints from another origin (CORS).
 */
@Configuration(proxyBeanMethods = false)
public class SignInSecurity {

  @Bean
  @Order(1)
  SecurityFilterChain protocolEndpoints(HttpSecurity http) throws Exception {
    OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
    http.securityMatcher(authorizationServer.getEndpointsMatcher())
        .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .cors(Customizer.withDefaults())
        // A browser that is not signed in yet is sent to the sign-in page, and comes back after it.
        .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http) throws Exception {
    SignInThrottle throttle = new SignInThrottle();
    SavedRequestAwareAuthenticationSuccessHandler backToTheAuthorization = new SavedRequestAwareAuthenticationSuccessHandler();
    http.addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/login", "/register", "/identity.css", "/error").permitAll()
            .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
            .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole("OPERATOR")
            .anyRequest().authenticated())
        .formLogin(login -> login.loginPage("/login").permitAll()
            .failureHandler(new SignInFailures(throttle))
            .successHandler((request, response, person) -> {
              throttle.signedIn(request);
              backToTheAuthorization.onAuthenticationSuccess(request, response, person);
            }))
        .cors(Customizer.withDefaults());
    return http.build();
  }

  @Bean
  CorsConfigurationSource corsConfigurationSource(IdentityProperties properties) {
    CorsConfiguration page = new CorsConfiguration();
    page.setAllowedOrigins(properties.pageOrigins());
    page.setAllowedMethods(List.of("GET", "POST"));
    page.setAllowedHeaders(List.of("Authorization", "Content-Type"));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/oauth2/token", page);
    source.registerCorsConfiguration("/oauth2/jwks", page);
    source.registerCorsConfiguration("/.well-known/**", page);
    source.registerCorsConfiguration("/userinfo", page);
    return source;
  }
}
