package io.sagashop.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sagashop.identity.IdentityProperties;
import io.sagashop.identity.signin.SignInSecurity;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The provider's own pages with its real sign-in security, without a database: signing in and
 * registering are open, everything else sends the visitor to sign in; a registration needs the
 * form's CSRF token, names what is wrong, and registers nobody when refused.
 */
@WebMvcTest(RegistrationController.class)
@Import(SignInSecurity.class)
// the protocol's endpoints are the first of SignInSecurity's chains; their keys here are Spring Boot's, made up
@ImportAutoConfiguration({OAuth2AuthorizationServerAutoConfiguration.class, OAuth2AuthorizationServerJwtAutoConfiguration.class})
@EnableConfigurationProperties(IdentityProperties.class)
@TestPropertySource(properties = {
  "SAGASHOP_IDENTITY_ISSUER=http://localhost:9999",
  "SAGASHOP_IDENTITY_SIGNING_KEY=classpath:nothing.pem",
  "SAGASHOP_PAGE_URL=http://localhost:9998/",
  "SAGASHOP_PAGE_ORIGIN=http://localhost:9998",
  "SAGASHOP_ORCHESTRATOR_URL=http://localhost:9997",
  "SAGASHOP_ORCHESTRATOR_CLIENT_SECRET=slice-orchestrator-secret",
  "SAGASHOP_ORDER_SERVICE_CLIENT_SECRET=slice-order-service-secret",
  "SAGASHOP_SELLER_PASSWORD=slice-seller-password",
  "SAGASHOP_ADMIN_PASSWORD=slice-admin-password"
})
class RegistrationWebTest {

  @Autowired MockMvc mvc;
  @MockitoBean Accounts accounts;
  @MockitoBean RegistrationThrottle throttle;

  @Test
  void signingInAndRegisteringAreOpenAndAnythingElseSendsTheVisitorToSignIn() throws Exception {
    mvc.perform(get("/login")).andExpect(status().isOk());
    mvc.perform(get("/register")).andExpect(status().isOk());
    mvc.perform(get("/account").accept("text/html")).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
  }

  /** The registration form as a browser sends it: in the session of the form it was given, with the form's CSRF token. */
  private MockHttpServletRequestBuilder registration() throws Exception {
    MvcResult form = mvc.perform(get("/register")).andExpect(status().isOk()).andReturn();
    Matcher token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"").matcher(form.getResponse().getContentAsString());
    assertThat(token.find()).as("the form carries its CSRF token").isTrue();
    return post("/register").session((MockHttpSession) form.getRequest().getSession()).param("_csrf", token.group(1) != null ? token.group(1) : token.group(2));
  }

  @Test
  void aRegistrationWithoutTheFormsTokenIsRefusedAndRegistersNobody() throws Exception {
    mvc.perform(post("/register").param("username", "ada").param("password", "a long enough password"))
        .andExpect(status().isForbidden());
    verifyNoInteractions(accounts);
  }

  @Test
  void aBadRegistrationSaysWhatIsWrongAndRegistersNobody() throws Exception {
    when(throttle.take(any())).thenReturn(true);

    mvc.perform(registration().param("username", "x y").param("password", "short"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("letters, digits and . _ @ - only")))
        .andExpect(content().string(Matchers.containsString("at least 10 characters")));
    verify(accounts, never()).registerCustomer(anyString(), anyString());
  }

  @Test
  void aTakenNameIsSaidSo() throws Exception {
    when(throttle.take(any())).thenReturn(true);
    when(accounts.registerCustomer("ada", "a long enough password")).thenReturn(false);

    mvc.perform(registration().param("username", "ada").param("password", "a long enough password"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("This name is taken")));
  }

  @Test
  void aNewCustomerIsSentBackToSignIn() throws Exception {
    when(throttle.take(any())).thenReturn(true);
    when(accounts.registerCustomer("ada", "a long enough password")).thenReturn(true);

    mvc.perform(registration().param("username", "ada").param("password", "a long enough password"))
        .andExpect(redirectedUrl("/login?registered"));
  }

  @Test
  void pastTheAddressesAllowanceARegistrationWaitsAndRegistersNobody() throws Exception {
    when(throttle.take(any())).thenReturn(false);
    when(throttle.pause()).thenReturn(Duration.ofMinutes(6));

    mvc.perform(registration().param("username", "ada").param("password", "a long enough password"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "360"));
    verifyNoInteractions(accounts);
  }
}
